package dev.hindsight.render;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pieces that a corpus-wide file is put together from (one calendar event, one incident's
 * search terms), kept between builds by a digest of everything a piece is made of, so that a
 * rebuild makes only the pieces whose inputs changed and joins them as a clean build would.
 *
 * <p>A piece must be a function of its inputs text and of the generator's code alone: the key is a
 * digest of the store's kind, the code ({@link dev.hindsight.load.CodeIdentity}) and that text.
 * Each kind is one file in {@code .hindsight-cache/fragments/}. The last build's file is mapped
 * into memory, not read onto the heap (a build's heap is bounded and busy); the pieces this build
 * asks for are written to a new file as they are asked for, which {@link #save} puts in place of
 * the old one, so the file stays the size of one site. A file that is missing, cut short or of
 * another format is an empty store; a store that cannot be written is simply not kept.
 */
public final class FragmentStore {
  /** Bump when the file layout changes. */
  private static final String FORMAT = "hindsight-fragments-1";
  /** Bytes of a key: a SHA-256 digest. */
  private static final int KEY = 32;
  private final Optional<Path> file;
  /** A digest that has read the format, kind and code: each key starts from a copy of it. */
  private final MessageDigest primed;
  /** The last build's pieces: where each starts in {@link #old} and its length, by key. */
  private Map<Key, long[]> index;
  private ByteBuffer old;
  private DataOutputStream out;
  private Path next;
  private boolean failed;
  private final Set<Key> written = ConcurrentHashMap.newKeySet();
  final AtomicInteger made = new AtomicInteger();
  final AtomicInteger reused = new AtomicInteger();

  /** A key's bytes, compared by content. */
  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  /**
   * @param dir the cache's {@code fragments} folder; none keeps nothing and makes every piece
   * @param kind names the file and is part of every key
   */
  public FragmentStore(Optional<Path> dir, String kind) {
    this.file = dir.map(d -> d.resolve(kind + ".bin"));
    primed = dev.hindsight.model.Digests.sha256();
    primed.update((FORMAT + '\u0000' + kind + '\u0000' + dev.hindsight.load.CodeIdentity.value() + '\u0000').getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The piece made of {@code inputs}: the kept one when there is one, else {@code make}'s (kept for
   * the next build). Safe to call from many threads.
   */
  public String get(String inputs, Supplier<String> make) {
    return get(inputs, make, text -> text, text -> text);
  }

  /**
   * As {@link #get(String, Supplier)}, for a piece that is kept as text: {@code encode} and {@code
   * decode} turn it into text and back (a piece just made is returned as made, not decoded).
   */
  public <T> T get(String inputs, Supplier<T> make, Function<T, String> encode, Function<String, T> decode) {
    if (file.isEmpty()) {
      made.incrementAndGet();
      return make.get();
    }
    open();
    Key key = key(inputs);
    long[] at = index.get(key);
    if (at != null) {
      byte[] bytes = new byte[(int) at[1]];
      old.get((int) at[0], bytes);
      reused.incrementAndGet();
      keep(key, bytes);
      return decode.apply(new String(bytes, StandardCharsets.UTF_8));
    }
    made.incrementAndGet();
    T piece = make.get();
    keep(key, encode.apply(piece).getBytes(StandardCharsets.UTF_8));
    return piece;
  }

  private Key key(String inputs) {
    try {
      MessageDigest sha = (MessageDigest) primed.clone();
      return new Key(sha.digest(inputs.getBytes(StandardCharsets.UTF_8)));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Maps the last build's file and starts the new one, once. */
  private synchronized void open() {
    if (index != null) return;
    Path target = file.orElseThrow();
    index = new HashMap<>();
    old = ByteBuffer.allocate(0);
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
      if (channel.size() < Integer.MAX_VALUE) old = read(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()), index);
    } catch (IOException | RuntimeException e) {
      index.clear();
    }
    try {
      Files.createDirectories(target.getParent());
      next = target.resolveSibling(target.getFileName() + ".new");
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(next), 1 << 16));
      out.writeUTF(FORMAT);
    } catch (IOException | RuntimeException e) {
      failed = true;
    }
  }

  /**
   * Indexes the pieces in {@code data}: after the format, each is its key, its length and its
   * bytes, and a length of -1 ends the file. None when the file is cut short or of another format.
   */
  private static ByteBuffer read(ByteBuffer data, Map<Key, long[]> index) {
    byte[] format = FORMAT.getBytes(StandardCharsets.UTF_8);
    if (data.remaining() < 2 + format.length || data.getShort() != format.length) return data;
    byte[] found = new byte[format.length];
    data.get(found);
    if (!Arrays.equals(format, found)) return data;
    Map<Key, long[]> pieces = new HashMap<>();
    while (data.remaining() >= KEY + 4) {
      byte[] key = new byte[KEY];
      data.get(key);
      int length = data.getInt();
      if (length == -1) {
        if (data.hasRemaining()) return data;
        index.putAll(pieces);
        return data;
      }
      if (length < 0 || length > data.remaining()) return data;
      pieces.put(new Key(key), new long[] {data.position(), length});
      data.position(data.position() + length);
    }
    return data;
  }

  private synchronized void keep(Key key, byte[] text) {
    if (failed || !written.add(key)) return;
    try {
      out.write(key.bytes());
      out.writeInt(text.length);
      out.write(text);
    } catch (IOException e) {
      failed = true;
    }
  }

  /**
   * As {@link #save}, keeping every piece of the last build's file too, not only those asked for:
   * for a quick rebuild, which asks for a few pieces while the site still shows the others.
   */
  public synchronized void saveKeepingAll() {
    if (out == null) return;
    for (Map.Entry<Key, long[]> e : index.entrySet()) {
      if (written.contains(e.getKey())) continue;
      byte[] bytes = new byte[(int) e.getValue()[1]];
      old.get((int) e.getValue()[0], bytes);
      keep(e.getKey(), bytes);
    }
    save();
  }

  /** Puts the pieces this build asked for in place of the last build's (none asked: the file is left as it is). */
  public synchronized void save() {
    if (out == null) return;
    try {
      if (!failed) {
        out.write(new byte[KEY]);
        out.writeInt(-1);
      }
      out.close();
      if (!failed) Files.move(next, file.orElseThrow(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      else Files.deleteIfExists(next);
    } catch (IOException | RuntimeException e) {
      // a store that cannot be written is not kept; this build's output is complete
    } finally {
      out = null;
      failed = true;
      index = Map.of();
      old = ByteBuffer.allocate(0);
    }
  }
}
