package dev.hindsight.render;

/**
 * Something a quick rebuild counted on finding in the cache is not there (the cache was cleared or
 * damaged in between): the build falls back to rendering everything.
 */
public final class NotKept extends RuntimeException {
  public NotKept(String what) {
    super(what + " is no longer in the cache", null, false, false);
  }
}
