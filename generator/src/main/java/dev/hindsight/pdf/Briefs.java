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
import java.util.Map;

/** The executive briefs: one PDF per incident, written in parallel. */
public final class Briefs {
  private final PdfWriter writer;
  private final IncidentBriefs incidents;
  private final PeriodBriefs periods;
  private final SiteConfig config;
  private final String version;

  public Briefs(TemplateSet templates, SiteConfig config, String version) {
    this(templates, config, version, java.util.Optional.empty());
  }

  /** With a cache folder: briefs whose inputs did not change are reused, not rendered again. */
  public Briefs(TemplateSet templates, SiteConfig config, String version, java.util.Optional<Path> cache) {
    this.config = config;
    this.version = version;
    this.writer = new PdfWriter(templates, cache);
    this.incidents = new IncidentBriefs(config, new MarkdownRenderer(), version);
    this.periods = new PeriodBriefs(config, version);
  }

  /** The brief of a month or quarter. */
  public byte[] period(Period period, List<Incident> all, Analysis analysis) throws IOException {
    return writer.write("period-brief.ftlh", periods.brief(period, all, analysis), "period-" + period.name(), analysis.asOf());
  }

  /** The URL path of a period brief, relative to the site root. */
  public static String path(Period p) {
    return "briefs/period-" + p.name() + ".pdf";
  }

  /** The briefs the cache put, or found, in place in the site by {@link #writeAll}. */
  public java.util.Set<java.nio.file.Path> placed() {
    return writer.placed();
  }

  /** How many briefs were rendered and how many reused from the cache so far. */
  public int rendered() {
    return writer.rendered();
  }

  public int reused() {
    return writer.reused();
  }

  /** The brief of one incident. */
  public byte[] incident(Incident i, Analysis analysis) throws IOException {
    return writer.write("brief.ftlh", incidents.brief(i, analysis), i.id(), analysis.asOf());
  }

  /** The URL path of an incident's brief, relative to the site root. */
  public static String path(Incident i) {
    return "briefs/" + i.id() + ".pdf";
  }

  /**
   * Writes the brief of every incident, and of the recent months and quarters, below {@code
   * siteRoot}; returns how many. An incident with a source key ({@code sourceKeys} by source path:
   * {@code ValidationResult.sourceKeys}) has its brief kept by its inputs (that key, its figures,
   * the configuration and the version), so an unchanged brief is linked without building its view
   * (Markdown, chart and all); the others, and the period briefs, are kept by their view.
   */
  public int writeAll(List<Incident> list, Analysis analysis, Map<String, String> sourceKeys, Path siteRoot) throws IOException {
    Files.createDirectories(siteRoot.resolve("briefs"));
    String configText = dev.hindsight.render.KeyText.of(config);
    try {
      list.parallelStream().forEach(i -> {
        try {
          String source = sourceKeys.get(i.sourcePath());
          Path target = siteRoot.resolve(path(i));
          if (source == null) {
            writer.writeTo("brief.ftlh", incidents.brief(i, analysis), i.id(), analysis.asOf(), target);
          } else {
            String inputs = source + "\u0000" + dev.hindsight.render.KeyText.of(analysis.of(i.id())) + "\u0000" + configText + "\u0000" + version;
            writer.writeTo("brief.ftlh", inputs, () -> incidents.brief(i, analysis), i.id(), analysis.asOf(), target);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<Period> recent = Period.recent(analysis.asOf());
    for (Period p : recent) {
      writer.writeTo("period-brief.ftlh", periods.brief(p, list, analysis), "period-" + p.name(), analysis.asOf(), siteRoot.resolve(path(p)));
    }
    // Every brief of the site was written above: the kept ones no brief used are deleted.
    writer.prune();
    return list.size() + recent.size();
  }
}
