package dev.hindsight.validate;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.CodeIdentity;
import dev.hindsight.load.Confinement;
import dev.hindsight.model.Metric;
import dev.hindsight.model.MetricPoints;
import dev.hindsight.model.SiteConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What validating each file found, kept between runs ({@code .hindsight-cache/validation/}), so
 * that a file that did not change is not parsed and checked again: an incremental build or a
 * second {@code hindsight validate} reads the results back instead.
 *
 * <p>An entry is found by a digest of everything the file's checks read: the cache format, the
 * generator's code, the configuration, the file's path and its bytes. It also lists the other files
 * those checks looked at (metric CSVs, evidence) with their state then (content digest, missing,
 * outside the folder, a link out of it); the entry is used only while every one of them is still
 * in that state, so editing a CSV re-validates the incident that reads it. The checks across
 * incidents (duplicate ids, related incidents) always run on the whole corpus. Entries this run
 * did not use are deleted at the end, which keeps the cache the size of one corpus. A cache that
 * cannot be read or written is simply not used.
 */
final class ValidationCache {
  /** Bump when what an entry holds changes shape. */
  static final String FORMAT = "hindsight-validation-8";

  /** Entries are Smile, Jackson's binary JSON: a tenth smaller than text JSON and quicker to read back (121 MB against 136 MB at 10,000 files). */
  private static final String EXTENSION = ".smile";

  /**
   * One file's outcome: its problems, what else was read, and the incident (null when it had errors
   * that stop it) with, ahead of it, the little of it that the checks across incidents read. An
   * entry read for its report alone ({@link #get} without the incident) stops before the incident,
   * which is most of its bytes and nearly all of the objects it would make.
   */
  record Entry(List<Diagnostic> diagnostics, List<Dependency> dependencies, CorpusChecks.Ids ids, ValidatedIncident incident) {
    static Entry of(List<Diagnostic> diagnostics, List<Dependency> dependencies, ValidatedIncident incident) {
      return new Entry(diagnostics, dependencies, incident == null ? null : incident.ids(), incident);
    }
  }

  /**
   * An entry without its incident: read as this, the incident is an unknown field, which Jackson
   * passes over unread.
   */
  private record Report(List<Diagnostic> diagnostics, List<Dependency> dependencies, CorpusChecks.Ids ids) {
    Entry entry() {
      return new Entry(diagnostics, dependencies, ids, null);
    }
  }

  /** A file in the incident's folder that the checks looked at, and its state when they did. */
  record Dependency(String name, String state) {}

  /** The record of the digests of the files read, beside the entries (see {@link FileDigests}). */
  private static final String DIGESTS = "files.digests";

  private final Path dir;
  /** The files' digests, taken on their stat where the last run's record vouches for them. */
  final FileDigests digests;
  /** A digest that has read the format, code and configuration: each key starts from a copy of it. */
  private final MessageDigest primed = sha256();
  private final ObjectMapper smile = mapper();
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  /**
   * What each entry the last run used reports (its problems, what else it read, what the checks
   * across incidents read), all in one file beside the entries: a report alone ({@link #get} without
   * the incident: {@code hindsight validate}, a quick rebuild) reads that one file instead of
   * opening every entry, which was most of a warm run at 10,000 files. An entry and its report
   * are made by the same checks of the same bytes, so the two always agree.
   */
  private static final String REPORTS = "entries.reports";

  /** The reports file as written: the cache's format, then each entry's report by its key. */
  private record Reports(String format, Map<String, Report> reports) {}

  /** The last run's reports, read on first use (or ahead of it: {@link #readReportsAhead}). */
  private volatile Map<String, Report> lastReports;
  private volatile java.util.concurrent.FutureTask<Map<String, Report>> readingReports;
  /** The reports of the entries this run used, for the next run. */
  private final Map<String, Report> reports = new ConcurrentHashMap<>();
  /** Whether this run kept an entry the last run's reports do not hold. */
  private volatile boolean newEntries;
  private volatile boolean dirReady;
  final AtomicInteger hits = new AtomicInteger();
  final AtomicInteger misses = new AtomicInteger();

  /**
   * @param racyMargin how long before the digests' record was written a file must have last
   *     changed for its stat to stand for its bytes ({@link FileDigests})
   */
  ValidationCache(Path dir, SiteConfig config, boolean configLoaded, java.time.Duration racyMargin) {
    this.dir = dir;
    this.digests = new FileDigests(Optional.of(dir.resolve(DIGESTS)), racyMargin);
    primed.update((FORMAT + '\u0000' + CodeIdentity.value() + '\u0000' + configLoaded + '\u0000' + config).getBytes(StandardCharsets.UTF_8));
    primed.update((byte) 0);
  }

  /** The key of a file's entry, from the digest of its bytes ({@link FileDigests}). */
  String key(Path inputRoot, Path file, byte[] digest) {
    MessageDigest sha;
    try {
      sha = (MessageDigest) primed.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    sha.update(inputRoot.toString().getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(digest);
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The entry under {@code key}, if there is one and the files it depends on are as they were;
   * without {@code withIncident}, its incident is not read (null) and only its {@link
   * CorpusChecks.Ids} are.
   */
  Optional<Entry> get(String key, Path folder, boolean withIncident) {
    used.add(key);
    if (!withIncident) {
      Report known = lastReports().get(key);
      if (known != null) {
        if (!holds(known.dependencies(), folder)) return miss();
        hits.incrementAndGet();
        reports.put(key, known);
        return Optional.of(known.entry());
      }
    }
    Path file = dir.resolve(key + EXTENSION);
    try {
      // No entry (or a folder in its place) fails to read, like a damaged one: a miss.
      byte[] bytes = Files.readAllBytes(file);
      Entry entry = withIncident ? smile.readValue(bytes, Entry.class) : smile.readValue(bytes, Report.class).entry();
      if (entry.diagnostics() == null || entry.dependencies() == null || withIncident && (entry.ids() == null) != (entry.incident() == null)) {
        return miss();
      }
      if (!holds(entry.dependencies(), folder)) return miss();
      hits.incrementAndGet();
      reports.put(key, new Report(entry.diagnostics(), entry.dependencies(), entry.ids()));
      return Optional.of(entry);
    } catch (IOException | RuntimeException e) {
      return miss();
    }
  }

  /** Whether every file an entry read is still in the state it was read in. */
  private boolean holds(List<Dependency> dependencies, Path folder) {
    for (Dependency d : dependencies) {
      if (!d.state().equals(state(folder, d.name()))) return false;
    }
    return true;
  }

  private Map<String, Report> lastReports() {
    Map<String, Report> known = lastReports;
    if (known != null) return known;
    synchronized (this) {
      if (lastReports == null) {
        try {
          lastReports = readingReports != null ? readingReports.get() : readReports();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          lastReports = Map.of();
        } catch (java.util.concurrent.ExecutionException e) {
          lastReports = Map.of();
        }
      }
      return lastReports;
    }
  }

  /**
   * Starts reading the last run's reports on a thread of its own, for a run that reports alone:
   * it then overlaps with finding the files, which takes about as long.
   */
  void readReportsAhead() {
    java.util.concurrent.FutureTask<Map<String, Report>> task = new java.util.concurrent.FutureTask<>(this::readReports);
    Thread reader = new Thread(task, "hindsight-reports");
    reader.setDaemon(true);
    readingReports = task;
    reader.start();
  }

  private Map<String, Report> readReports() {
    try {
      Reports all = smile.readValue(Files.readAllBytes(dir.resolve(REPORTS)), Reports.class);
      if (!FORMAT.equals(all.format()) || all.reports() == null) return Map.of();
      for (Report r : all.reports().values()) {
        if (r == null || r.diagnostics() == null || r.dependencies() == null) return Map.of();
      }
      return all.reports();
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /**
   * Writes the reports of the entries this run used, for the next run, unless the file there holds
   * them already: written when this run kept a new entry, when there is none, or when it holds
   * entries this run did not use.
   */
  void saveReports() {
    Path file = dir.resolve(REPORTS);
    Map<String, Report> last = lastReports;
    if (!newEntries && Files.isRegularFile(file) && (last == null || last.keySet().equals(reports.keySet()))) return;
    if (!Files.isDirectory(dir)) return;
    try {
      Path next = dir.resolve(REPORTS + ".new");
      Files.write(next, smile.writeValueAsBytes(new Reports(FORMAT, new java.util.TreeMap<>(reports))));
      Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a reports file that is not written is not read either: entries are then opened one by one
      }
    }
  }

  private Optional<Entry> miss() {
    misses.incrementAndGet();
    return Optional.empty();
  }

  /**
   * A digest of everything an incident was read from: its entry's key (code, configuration, path
   * and bytes) and the state of every other file it read. Two incidents with the same source key
   * are equal, so later stages can key their own caches by it instead of by the incident's text.
   */
  static String sourceKey(String key, List<Dependency> dependencies) {
    MessageDigest sha = sha256();
    sha.update(key.getBytes(StandardCharsets.UTF_8));
    for (Dependency d : dependencies) {
      sha.update((byte) 0);
      sha.update(d.name().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(d.state().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Keeps a file's outcome; {@code referenced} are the names of the other files its checks looked
   * at. Returns those files with their states, as kept.
   */
  List<Dependency> put(String key, Path folder, Set<String> referenced, ValidatedIncident incident, List<Diagnostic> diagnostics) {
    List<Dependency> dependencies = new ArrayList<>();
    synchronized (referenced) {
      for (String name : referenced) dependencies.add(new Dependency(name, state(folder, name)));
    }
    // Written in place, not through a temporary file and a rename (a third of the cost at 10,000
    // files): an entry cut short by a killed run does not parse and reads as a miss, and two runs
    // writing the same key write the same bytes.
    try {
      if (!dirReady) {
        Files.createDirectories(dir);
        dirReady = true;
      }
      Files.write(dir.resolve(key + EXTENSION), smile.writeValueAsBytes(Entry.of(List.copyOf(diagnostics), dependencies, incident)));
      reports.put(key, new Report(List.copyOf(diagnostics), dependencies, incident == null ? null : incident.ids()));
      newEntries = true;
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written is not used; the validation itself is complete
    }
    return dependencies;
  }

  /** Deletes the entries this run did not use (and temporary files a killed run left); the record of digests stays. */
  void prune() {
    if (!Files.isDirectory(dir)) return;
    // A run that kept nothing new and used exactly the entries the last one did has nothing to delete.
    Map<String, Report> last = lastReports;
    if (!newEntries && last != null && !last.isEmpty() && last.keySet().equals(used)) return;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.equals(DIGESTS) || name.equals(REPORTS)) continue;
        if (!name.endsWith(EXTENSION) || !used.contains(name.substring(0, name.length() - EXTENSION.length()))) Files.deleteIfExists(f);
      }
    } catch (IOException | RuntimeException e) {
      // as above: pruning is housekeeping
    }
  }

  /**
   * What the checks would find about {@code name} in {@code folder}, as one string: mirrors the
   * cases of {@code IncidentReader.resolveFile}, with the content's digest for a readable file.
   */
  String state(Path folder, String name) {
    try {
      Path abs = folder.toAbsolutePath().normalize();
      Path target = abs.resolve(name).normalize();
      if (!target.startsWith(abs) || Path.of(name).isAbsolute()) return "outside";
      if (!Files.isRegularFile(target)) return "missing";
      if (!Confinement.within(target, abs)) return "link:" + Confinement.target(target);
      return "murmur3:" + HexFormat.of().formatHex(digests.of(target));
    } catch (InvalidPathException e) {
      return "invalid";
    } catch (IOException | RuntimeException e) {
      return "unreadable";
    }
  }

  private static MessageDigest sha256() {
    return dev.hindsight.model.Digests.sha256();
  }

  /**
   * Records and the model's types as (binary) JSON, field for field: absent optionals as null, times
   * as seconds, nanoseconds and their own offset (not moved to UTC), dates as day numbers, paths as
   * written (not made absolute), a metric's samples as one block of bytes.
   */
  /** How a value of a type the cache keeps in its own form is written. */
  private interface Write<T> {
    void write(T value, JsonGenerator gen) throws IOException;
  }

  /** How it is read back, from its first token. */
  private interface Read<T> {
    T read(JsonParser p) throws IOException;
  }

  /** Registers how {@code type} is written and read back. */
  private static <T> void codec(SimpleModule module, Class<T> type, Write<T> write, Read<T> read) {
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        write.write(value, gen);
      }
    });
    module.addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return read.read(p);
      }
    });
  }

  private static void writeOptional(JsonGenerator gen, Optional<String> text) throws IOException {
    if (text.isPresent()) gen.writeString(text.get());
    else gen.writeNull();
  }

  /** The next token's text; null for a null. */
  private static String nextText(JsonParser p) throws IOException {
    return p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null : p.getText();
  }

  /** Texts from this many characters on are kept as UTF-8 bytes. */
  private static final int LONG_TEXT = 64;

  static ObjectMapper mapper() {
    SimpleModule ours = new SimpleModule("hindsight-validation-cache");
    // Long texts (narratives, findings) as their UTF-8 bytes: the JDK decodes those far quicker
    // than Smile's parser decodes a long string that holds any non-ASCII character, which was two
    // fifths of reading an entry back. Half a surrogate pair (possible through a YAML escape) has
    // no UTF-8 form: a text with surrogates stays a string.
    codec(ours, String.class, (value, gen) -> {
      if (value.length() < LONG_TEXT || value.chars().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) gen.writeString(value);
      else gen.writeBinary(value.getBytes(StandardCharsets.UTF_8));
    }, p -> p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_EMBEDDED_OBJECT
        ? new String(p.getBinaryValue(), StandardCharsets.UTF_8) : p.getValueAsString());
    codec(ours, Path.class, (value, gen) -> gen.writeString(value.toString()), p -> Path.of(p.getValueAsString()));
    // A metric's samples as one block of bytes, as the model packs them (MetricPoints: seconds,
    // nanoseconds, offset, value): a corpus holds over a million samples, and reading back six
    // tokens for each was the largest part of reading an entry. The block read is the list.
    codec(ours, Metric.class, (m, gen) -> {
      gen.writeStartArray();
      gen.writeString(m.id());
      gen.writeString(m.title());
      gen.writeString(m.unit());
      if (m.threshold().isPresent()) gen.writeNumber(m.threshold().getAsDouble());
      else gen.writeNull();
      writeOptional(gen, m.source());
      writeOptional(gen, m.file());
      gen.writeBinary(MetricPoints.copyOf(m.points()).bytes());
      gen.writeEndArray();
    }, p -> {
      String id = nextText(p);
      String title = nextText(p);
      String unit = nextText(p);
      java.util.OptionalDouble threshold = p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NULL
          ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(p.getDoubleValue());
      Optional<String> source = Optional.ofNullable(nextText(p));
      Optional<String> file = Optional.ofNullable(nextText(p));
      p.nextToken();
      MetricPoints points = MetricPoints.ofBytes(p.getBinaryValue());
      p.nextToken();
      return new Metric(id, title, unit, threshold, source, file, points);
    });
    // Times and dates as numbers: parsing them back as ISO text was two fifths of reading an entry.
    // A time is seconds since 1970-01-01T00:00Z, nanoseconds and the offset it was written with.
    codec(ours, OffsetDateTime.class, (v, gen) -> {
      gen.writeStartArray();
      gen.writeNumber(v.toEpochSecond());
      gen.writeNumber(v.getNano());
      gen.writeNumber(v.getOffset().getTotalSeconds());
      gen.writeEndArray();
    }, p -> {
      p.nextToken();
      long second = p.getLongValue();
      p.nextToken();
      int nano = p.getIntValue();
      p.nextToken();
      int offset = p.getIntValue();
      p.nextToken();
      return OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), ZoneOffset.ofTotalSeconds(offset));
    });
    codec(ours, LocalDate.class, (v, gen) -> gen.writeNumber(v.toEpochDay()), p -> LocalDate.ofEpochDay(p.getLongValue()));
    // Field names and short strings (codes, levels, file names) are written once per entry and
    // referred back to after that.
    com.fasterxml.jackson.dataformat.smile.SmileFactory factory = com.fasterxml.jackson.dataformat.smile.SmileFactory.builder()
        .enable(com.fasterxml.jackson.dataformat.smile.SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
        .disable(com.fasterxml.jackson.dataformat.smile.SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT)
        .build();
    return new ObjectMapper(factory)
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .registerModule(ours)
        .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
