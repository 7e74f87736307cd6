package dev.hindsight.validate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The form the caches keep model and analysis records in: Smile (Jackson's binary JSON) with
 * records read by their fields, optionals and dates as the validation cache writes them. Shared so
 * that every cache reads back exactly what it wrote.
 */
public final class CacheCodec {
  private CacheCodec() {}

  /** A new mapper; each is safe to share between threads once made. */
  public static ObjectMapper smile() {
    return ValidationCache.mapper();
  }
}
