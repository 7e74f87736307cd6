package dev.hindsight.pdf;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.render.MarkdownRenderer;
import dev.hindsight.render.TemplateSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The executive briefs: one PDF per incident, written in parallel. */
public final class Briefs {
  private final PdfWriter writer;
  private final IncidentBriefs incidents;

  public Briefs(TemplateSet templates, SiteConfig config, String version) {
    this.writer = new PdfWriter(templates);
    this.incidents = new IncidentBriefs(config, new MarkdownRenderer(), version);
  }

  /** The brief of one incident. */
  public byte[] incident(Incident i, Analysis analysis) throws IOException {
    return writer.write("brief.ftlh", incidents.brief(i, analysis), i.id(), analysis.asOf());
  }

  /** The URL path of an incident's brief, relative to the site root. */
  public static String path(Incident i) {
    return "briefs/" + i.id() + ".pdf";
  }

  /** Writes the brief of every incident below {@code siteRoot}; returns how many. */
  public int writeAll(List<Incident> list, Analysis analysis, Path siteRoot) throws IOException {
    Files.createDirectories(siteRoot.resolve("briefs"));
    try {
      list.parallelStream().forEach(i -> {
        try {
          Files.write(siteRoot.resolve(path(i)), incident(i, analysis));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return list.size();
  }
}
