package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordObjectWrapperTest {
  /** A view with the kinds of values templates read: text, numbers, booleans, nulls, lists, maps and nested records. */
  public record Row(String title, int count, double share, boolean open, String missing, List<String> tags, Map<String, Integer> bySeverity,
      Row parent) {
    public String shout() {
      return title.toUpperCase(java.util.Locale.ROOT);
    }

    public String failing() {
      throw new IllegalStateException("no value");
    }
  }

  private static final String TEMPLATE = """
      ${r.title} ${r.title()} ${r["title"]} ${r.count} ${r.count + 1} ${r.share} ${r.open?c} ${r.missing!"-"} ${(r.missing)???c}
      <#list r.tags as t>${t}<#sep>, </#list> ${r.tags?size} ${r.bySeverity.SEV1} ${r.shout} ${r.shout()}
      <#if r.parent??>${r.parent.title} ${r.parent.parent???c}</#if> ${r?is_hash?c} ${r.title?is_string?c} ${r.count?is_number?c}
      <b>&</b> ${r.title?length}""";

  private static String render(Configuration cfg, Object row) throws Exception {
    Template t = new Template("t.ftlh", TEMPLATE, cfg);
    StringWriter out = new StringWriter();
    t.process(Map.of("r", row), out);
    return out.toString();
  }

  private static Configuration configuration(boolean ours) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setNumberFormat("computer");
    cfg.setLocale(java.util.Locale.ENGLISH);
    if (ours) cfg.setObjectWrapper(RecordObjectWrapper.of(cfg));
    return cfg;
  }

  @Test
  void templatesReadRecordsExactlyAsWithFreeMarkersOwnWrapper() throws Exception {
    Row parent = new Row("Orders <db> & \"replica\"", 2, 0.5, false, null, List.of(), Map.of("SEV1", 0), null);
    Row row = new Row("Checkout down", 3, 12.25, true, null, List.of("deadlock", "orders-db"), Map.of("SEV1", 4), parent);

    String expected = render(configuration(false), row);

    assertThat(render(configuration(true), row)).isEqualTo(expected).contains("Checkout down Checkout down Checkout down 3 4 12.25 true - false")
        .contains("deadlock, orders-db 2 4 CHECKOUT DOWN CHECKOUT DOWN").contains("Orders &lt;db&gt; &amp; &quot;replica&quot; false");
  }

  @Test
  void aMethodThatFailsFailsTheTemplateAsItWouldWithFreeMarkersOwnWrapper() throws Exception {
    Row row = new Row("x", 1, 1, true, null, List.of(), Map.of(), null);
    for (boolean ours : List.of(false, true)) {
      Template t = new Template("t.ftlh", "${r.failing}", configuration(ours));
      assertThatThrownBy(() -> t.process(Map.of("r", row), new StringWriter())).as("our wrapper: %s", ours)
          .isInstanceOf(TemplateException.class).hasStackTraceContaining("no value");
    }
  }
}
