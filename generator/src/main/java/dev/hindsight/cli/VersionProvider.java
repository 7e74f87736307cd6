package dev.hindsight.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest ("dev" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
  public static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"hindsight " + version(), "Java " + System.getProperty("java.version")};
  }
}
