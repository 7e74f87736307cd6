package dev.hindsight.cli;

/** The process exit codes, named; documented in the README. */
public final class ExitCode {
  /** Everything checked out (and the site was written, for build). */
  public static final int OK = 0;
  /** The input has errors (or warnings under --strict); nothing was published. */
  public static final int INVALID = 1;
  /** The command line was wrong: unknown option, missing folder, bad value. */
  public static final int USAGE = 2;

  private ExitCode() {}
}
