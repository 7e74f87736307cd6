package dev.hindsight.render;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The text a cache key is made of, for a value built of records, collections, maps, optionals,
 * arrays and plain values: every component of every record, by name and in order, every element,
 * and every text with its length in front, so that two different values never give the same text
 * (a title holding ", " or "]" included). Plain values (numbers, enums, dates, durations, paths)
 * are written as their {@code toString}.
 *
 * <p>A record's own {@code toString} would do, but on Java 17 it formats through {@link
 * String#format} with a pattern parsed anew on every call; the page cache makes the text of every
 * page's inputs on every build, and at 10,000 incidents that formatting was half of the time an
 * unchanged incident page took in a rebuild.
 */
public final class KeyText {
  private KeyText() {}

  /** A record's name and the accessors of its components, looked up once per class. */
  private record Shape(String name, String[] names, Method[] accessors) {}

  /** By class: a map rather than a {@link ClassValue}, whose lookups took the slow path (getFromBackup) most of the time here. */
  private static final Map<Class<?>, Shape> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

  private static Shape shape(Class<?> type) {
    Shape known = SHAPES.get(type);
    if (known != null) return known;
    RecordComponent[] components = type.getRecordComponents();
    String[] names = new String[components.length];
    Method[] accessors = new Method[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      accessors[i] = components[i].getAccessor();
      accessors[i].setAccessible(true);
    }
    Shape made = new Shape(type.getName(), names, accessors);
    SHAPES.putIfAbsent(type, made);
    return made;
  }

  /** The key text of {@code value}. */
  public static String of(Object value) {
    StringBuilder text = new StringBuilder(4096);
    append(text, value);
    return text.toString();
  }

  /** Appends the key text of {@code value} to {@code text}. */
  public static StringBuilder append(StringBuilder text, Object value) {
    if (value == null) {
      text.append("null");
    } else if (value instanceof CharSequence s) {
      text.append('"').append(s.length()).append(':').append(s);
    } else if (value instanceof Record r) {
      Shape shape = shape(r.getClass());
      text.append(shape.name()).append('[');
      for (int i = 0; i < shape.accessors().length; i++) {
        text.append(shape.names()[i]).append('=');
        append(text, component(shape.accessors()[i], r));
        text.append(';');
      }
      text.append(']');
    } else if (value instanceof Collection<?> c) {
      text.append('[').append(c.size()).append(':');
      for (Object element : c) append(text, element).append(',');
      text.append(']');
    } else if (value instanceof Map<?, ?> m) {
      text.append('{').append(m.size()).append(':');
      for (Map.Entry<?, ?> e : m.entrySet()) {
        append(text, e.getKey()).append('=');
        append(text, e.getValue()).append(',');
      }
      text.append('}');
    } else if (value instanceof Optional<?> o) {
      if (o.isEmpty()) text.append("Optional.empty");
      else append(text.append("Optional["), o.get()).append(']');
    } else if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      text.append("array[").append(length).append(':');
      for (int i = 0; i < length; i++) append(text, Array.get(value, i)).append(',');
      text.append(']');
    } else {
      text.append(value);
    }
    return text;
  }

  private static Object component(Method accessor, Record r) {
    try {
      return accessor.invoke(r);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    }
  }
}
