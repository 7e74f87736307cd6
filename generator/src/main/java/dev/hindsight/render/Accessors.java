package dev.hindsight.render;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Methods without parameters (a record's component accessors) as functions made with {@link
 * LambdaMetafactory}: the call is as quick as a lambda's, where {@link Method#invoke} checks access
 * (walking the stack for its caller) and boxes on every call. Cache keys and templates read some
 * millions of record components in a build.
 */
final class Accessors {
  private Accessors() {}

  /** {@code method} of {@code type}, taking no arguments, as a function; through reflection where the class does not allow a lookup. */
  static Function<Object, Object> of(Class<?> type, Method method) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      MethodHandle handle = lookup.unreflect(method);
      MethodType erased = MethodType.methodType(Object.class, Object.class);
      @SuppressWarnings("unchecked")
      Function<Object, Object> f = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
          MethodType.methodType(Function.class), erased, handle, handle.type().wrap()).getTarget().invokeExact();
      return f;
    } catch (Throwable e) {
      method.setAccessible(true);
      return r -> {
        try {
          return method.invoke(r);
        } catch (IllegalAccessException x) {
          throw new IllegalStateException(x);
        } catch (InvocationTargetException x) {
          if (x.getCause() instanceof RuntimeException re) throw re;
          throw new IllegalStateException(x.getCause());
        }
      };
    }
  }
}
