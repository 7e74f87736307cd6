package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Zone names are the same whichever thread asks first. Each run is a fresh JVM, because the
 * JDK's race happens only on a zone's first lookup in a process (the kill test found it: pages
 * rendered in parallel said "GMT+01:00" where a single-threaded build said "CET").
 */
class DateFormatsTest {
  private static final ZonedDateTime WINTER = ZonedDateTime.of(2025, 3, 4, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));
  private static final ZonedDateTime SUMMER = ZonedDateTime.of(2025, 7, 4, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));

  @Test
  void zoneNamesAreTheSameWhenManyThreadsAskAtOnceInAFreshJvm() throws Exception {
    for (int run = 0; run < 6; run++) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ManyThreads.class.getName()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(p.waitFor()).as(out).isEqualTo(0);
      assertThat(out).as("run " + run).isEqualTo("[4 Jul 2025, 09:00 CEST, 4 Mar 2025, 09:00 CET]");
    }
  }

  @Test
  void formatsDateTimeWithTheZonesShortName() {
    assertThat(DateFormats.DATE_TIME.format(WINTER)).isEqualTo("4 Mar 2025, 09:00 CET");
    assertThat(DateFormats.DATE_TIME.format(SUMMER)).isEqualTo("4 Jul 2025, 09:00 CEST");
    assertThat(DateFormats.DATE_TIME.format(WINTER.withZoneSameInstant(ZoneId.of("UTC")))).isEqualTo("4 Mar 2025, 08:00 UTC");
  }

  @Test
  void writesSampleTimesAsTheFormatterAndOffsetDateTimeDo() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(13);
    List<ZoneId> zones = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"),
        ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Chatham"), ZoneId.of("America/St_Johns"), java.time.ZoneOffset.ofHours(3));
    int[] offsets = {0, 3600, 7200, -18000, 19800, -12600, 45900, 59, -1};
    for (int n = 0; n < 50_000; n++) {
      long second = r.nextInt(6) == 0 ? r.nextLong(-40_000_000_000L, 300_000_000_000L) : r.nextLong(946_684_800L, 4_102_444_800L);
      if (r.nextBoolean()) second -= second % 60;
      int nano = r.nextInt(10) == 0 ? r.nextInt(1_000_000_000) : 0;
      int offset = offsets[r.nextInt(offsets.length)];
      ZoneId zone = zones.get(r.nextInt(zones.size()));
      java.time.OffsetDateTime at = java.time.OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(second, nano), java.time.ZoneOffset.ofTotalSeconds(offset));
      assertThat(DateFormats.sampleTimes(second, nano, offset, zone)).as("%s in %s", at, zone)
          .containsExactly(DateFormats.DATE_TIME.format(at.atZoneSameInstant(zone)), at.toString());
    }
  }

  /** Formats both dates from 16 tasks on 8 threads at once and prints every distinct answer. */
  public static final class ManyThreads {
    public static void main(String[] args) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        ZonedDateTime t = i % 2 == 0 ? WINTER : SUMMER;
        answers.add(pool.submit(() -> DateFormats.DATE_TIME.format(t)));
      }
      Set<String> distinct = new TreeSet<>();
      for (Future<String> a : answers) distinct.add(a.get());
      pool.shutdown();
      System.out.println(distinct);
    }
  }
}
