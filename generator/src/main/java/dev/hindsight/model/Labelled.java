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
    return label == null ? Optional.empty() : Optional.ofNullable(type.cast(Constants.BY_LABEL.get(type).get(label)));
  }

  static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
  }

  /** Each enum's constants by label, made once (every timeline entry and action of every file is parsed). */
  final class Constants {
    private Constants() {}

    static final ClassValue<java.util.Map<String, Object>> BY_LABEL = new ClassValue<>() {
      @Override
      protected java.util.Map<String, Object> computeValue(Class<?> type) {
        java.util.Map<String, Object> byLabel = new java.util.HashMap<>();
        for (Object constant : type.getEnumConstants()) byLabel.putIfAbsent(((Labelled) constant).label(), constant);
        return java.util.Map.copyOf(byLabel);
      }
    };
  }
}
