package dev.hindsight.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A metric's samples, immutable and packed into one array of {@value #BYTES} bytes a sample
 * (seconds, nanoseconds, offset, value, big-endian) instead of one object a sample. A corpus of
 * 10,000 incidents holds over a million samples: as objects they were a quarter of the heap a
 * build keeps and a million objects for the collector to copy, where the array is one object it
 * never looks into. {@link #get} makes the sample it returns; the list equals any other list of
 * the same samples.
 */
public final class MetricPoints extends AbstractList<MetricPoint> implements RandomAccess {
  /** Bytes of a sample: seconds (8), nanoseconds (4), offset (4), value (8). */
  public static final int BYTES = 24;
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);
  private static final MetricPoints EMPTY = new MetricPoints(new byte[0]);

  private final byte[] bytes;

  private MetricPoints(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The samples as a packed list: {@code points} itself if it is one, else a copy. */
  public static MetricPoints copyOf(List<MetricPoint> points) {
    if (points instanceof MetricPoints packed) return packed;
    if (points.isEmpty()) return EMPTY;
    byte[] bytes = new byte[points.size() * BYTES];
    int at = 0;
    for (MetricPoint p : points) {
      Objects.requireNonNull(p);
      LONG.set(bytes, at, p.epochSecond());
      INT.set(bytes, at + 8, p.nano());
      INT.set(bytes, at + 12, p.offsetSeconds());
      DOUBLE.set(bytes, at + 16, p.value());
      at += BYTES;
    }
    return new MetricPoints(bytes);
  }

  /**
   * The samples packed in {@code bytes} ({@value #BYTES} a sample, as {@link #bytes()} gives them),
   * which the list takes over: the caller must not change them afterwards. Each sample is checked
   * as {@link MetricPoint} checks it.
   *
   * @throws IllegalArgumentException when the length is not a whole number of samples, or a value
   *     is not finite
   */
  public static MetricPoints ofBytes(byte[] bytes) {
    if (bytes.length % BYTES != 0) throw new IllegalArgumentException("not a whole number of samples: " + bytes.length + " bytes");
    for (int at = 16; at < bytes.length; at += BYTES) {
      double value = (double) DOUBLE.get(bytes, at);
      if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite value: " + value);
    }
    return bytes.length == 0 ? EMPTY : new MetricPoints(bytes);
  }

  /** The samples as bytes, in the layout {@link #ofBytes} reads: a copy. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public int size() {
    return bytes.length / BYTES;
  }

  @Override
  public MetricPoint get(int index) {
    Objects.checkIndex(index, size());
    int at = index * BYTES;
    return new MetricPoint((long) LONG.get(bytes, at), (int) INT.get(bytes, at + 8), (int) INT.get(bytes, at + 12), (double) DOUBLE.get(bytes, at + 16));
  }
}
