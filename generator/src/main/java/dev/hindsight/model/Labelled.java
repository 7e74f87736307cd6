package dev.hindsight.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An enum whose constants are written in files as lower-case labels such as {@code in-progress}. */
public interface Labelled {
  String name();

  default String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String label) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(label)).findFirst();
  }

  static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
  }
}
