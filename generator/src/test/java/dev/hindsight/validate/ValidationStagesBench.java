package dev.hindsight.validate;

import dev.hindsight.diagnostic.Diagnostic;
import dev.hindsight.load.DocumentReader;
import dev.hindsight.load.IncidentReader;
import dev.hindsight.load.SourceDocument;
import dev.hindsight.load.YamlTreeReader;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Where validating a corpus goes, stage by stage: the stages of {@link Validator}'s check of one
 * file (read, JSON Schema, model, rules, lints, secret scan) run one after the other over every
 * file of a corpus, on one thread, three times (the first warms the compiler up), each timed in
 * the thread's CPU time. A measurement, not a test: it runs only when given a corpus,
 * {@code mvn -q -o test -Dtest=ValidationStagesBench -Dhindsight.bench.corpus=DIR
 * -Dsurefire.failIfNoSpecifiedTests=false} with DIR holding {@code postmortems/} (as
 * {@code bench/run} writes it). Run it with the bench's flags ({@code -DargLine="-XX:TieredStopAtLevel=1"}).
 */
class ValidationStagesBench {
  @Test
  void printsTheCpuTimeOfEachStage() throws IOException {
    String corpus = System.getProperty("hindsight.bench.corpus");
    Assumptions.assumeTrue(corpus != null, "a measurement: run with -Dhindsight.bench.corpus=<folder holding postmortems/>");
    Path input = Path.of(corpus).resolve("postmortems");
    List<Path> files;
    try (Stream<Path> all = Files.walk(input)) {
      files = all.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".yaml")).sorted().toList();
    }
    List<byte[]> bytes = new ArrayList<>();
    for (Path f : files) bytes.add(Files.readAllBytes(f));
    DocumentReader documents = new DocumentReader(new YamlTreeReader());
    SchemaChecker schema = SchemaChecker.incidents();
    IncidentReader incidents = new IncidentReader();
    SiteConfig config = SiteConfig.defaults();
    IncidentChecks checks = new IncidentChecks(config, false);
    Lints lints = new Lints(config);
    SecretScan secrets = new SecretScan();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    String[] names = {"read", "schema", "model", "rules", "lints", "secrets"};
    for (int round = 1; round <= 3; round++) {
      long[] ns = new long[names.length];
      int problems = 0;
      for (int k = 0; k < files.size(); k++) {
        List<Diagnostic> found = new ArrayList<>();
        long t0 = cpu.getCurrentThreadCpuTime();
        SourceDocument doc = documents.read(input, files.get(k), bytes.get(k), found).orElse(null);
        long t1 = cpu.getCurrentThreadCpuTime();
        ns[0] += t1 - t0;
        if (doc == null) continue;
        found.addAll(schema.check(doc.data(), doc.map()));
        long t2 = cpu.getCurrentThreadCpuTime();
        Incident incident = incidents.read(doc, found).orElse(null);
        long t3 = cpu.getCurrentThreadCpuTime();
        ns[1] += t2 - t1;
        ns[2] += t3 - t2;
        if (incident == null) continue;
        found.addAll(checks.check(incident, doc));
        long t4 = cpu.getCurrentThreadCpuTime();
        found.addAll(lints.check(incident, doc));
        long t5 = cpu.getCurrentThreadCpuTime();
        found.addAll(secrets.check(doc));
        long t6 = cpu.getCurrentThreadCpuTime();
        ns[3] += t4 - t3;
        ns[4] += t5 - t4;
        ns[5] += t6 - t5;
        problems += found.size();
      }
      StringBuilder line = new StringBuilder("validation stages, round " + round + " of 3, " + files.size() + " files, CPU ms:");
      for (int s = 0; s < names.length; s++) line.append(' ').append(names[s]).append(' ').append(ns[s] / 1_000_000);
      System.out.println(line.append(" (").append(problems).append(" problems)"));
    }
  }
}
