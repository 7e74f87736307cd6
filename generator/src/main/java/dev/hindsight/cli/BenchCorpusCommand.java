package dev.hindsight.cli;

import dev.hindsight.bench.SyntheticCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hindsight bench-corpus}: writes the deterministic synthetic corpus the benchmark (bench/run) measures. */
@Command(name = "bench-corpus", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Write a deterministic synthetic corpus of realistic incidents for benchmarks (see bench/README.md),",
        "and optionally the same incidents as a Hugo site with equivalent pages."})
final class BenchCorpusCommand implements java.util.concurrent.Callable<Integer> {
  private final Main.Context context;

  @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "How many incidents (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "A new folder: postmortems/ and hindsight.yaml go here.")
  Path output;

  @Option(names = "--hugo", paramLabel = "DIR", description = "Also write the corpus as a Hugo site into this new folder.")
  Path hugo;

  @Option(names = "--seed", defaultValue = "42", description = "The random seed (default: ${DEFAULT-VALUE}); the same seed gives the same files.")
  long seed;

  BenchCorpusCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    for (Path p : hugo == null ? new Path[] {output} : new Path[] {output, hugo}) {
      if (Files.exists(p)) {
        context.err().println("hindsight bench-corpus: " + p + " exists; give a new folder");
        return ExitCode.USAGE;
      }
    }
    if (count < 1) {
      context.err().println("hindsight bench-corpus: --count must be at least 1");
      return ExitCode.USAGE;
    }
    SyntheticCorpus corpus = new SyntheticCorpus(count, seed);
    corpus.write(output);
    if (hugo != null) corpus.writeHugo(hugo);
    context.out().printf("Wrote %d incidents into %s%s.%n", count, output, hugo == null ? "" : " and a Hugo site into " + hugo);
    return ExitCode.OK;
  }
}
