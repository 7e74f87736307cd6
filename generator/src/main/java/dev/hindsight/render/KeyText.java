package dev.hindsight.render;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
  private record Shape(String name, String[] names, Function<Object, Object>[] accessors) {}

  /** By class: a map rather than a {@link ClassValue}, whose lookups took the slow path (getFromBackup) most of the time here. */
  private static final Map<Class<?>, Shape> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

  private static Shape shape(Class<?> type) {
    Shape known = SHAPES.get(type);
    if (known != null) return known;
    RecordComponent[] components = type.getRecordComponents();
    String[] names = new String[components.length];
    @SuppressWarnings("unchecked")
    Function<Object, Object>[] accessors = new Function[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      accessors[i] = Accessors.of(type, components[i].getAccessor());
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
      if (!ordered(c)) {
        for (String element : sorted(c)) text.append(element).append(',');
      } else {
        for (Object element : c) append(text, element).append(',');
      }
      text.append(']');
    } else if (value instanceof Map<?, ?> m) {
      text.append('{').append(m.size()).append(':');
      if (ordered(m)) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          append(text, e.getKey()).append('=');
          append(text, e.getValue()).append(',');
        }
      } else {
        List<String> entries = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) entries.add(append(append(new StringBuilder(), e.getKey()).append('='), e.getValue()).toString());
        entries.sort(null);
        for (String e : entries) text.append(e).append(',');
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

  /**
   * Whether a map's or set's order is part of what it is: not for a hash map or set, whose order
   * follows the hashes, nor for {@link Map#copyOf} and {@link java.util.Set#copyOf}, which even
   * iterate in an order salted anew in every run. Such a one is written in the order of its
   * entries' texts, so that the same contents give the same key in every build; any other (a
   * linked or sorted one, a view of one) in its own order.
   */
  private static boolean ordered(Object mapOrSet) {
    Class<?> type = mapOrSet.getClass();
    return !(type == java.util.HashMap.class || type == java.util.HashSet.class || type == java.util.concurrent.ConcurrentHashMap.class
        || type.getName().startsWith("java.util.ImmutableCollections$Map") || type.getName().startsWith("java.util.ImmutableCollections$Set"));
  }

  private static List<String> sorted(Collection<?> elements) {
    List<String> texts = new ArrayList<>(elements.size());
    for (Object element : elements) texts.add(append(new StringBuilder(), element).toString());
    texts.sort(null);
    return texts;
  }

  private static Object component(Function<Object, Object> accessor, Record r) {
    return accessor.apply(r);
  }
}
