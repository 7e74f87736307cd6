package dev.hindsight.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import dev.hindsight.render.TemplateSet;
import freemarker.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Turns a print template and its view into PDF bytes with OpenHTMLtoPDF. Fonts are read once and
 * shared: DejaVu Sans (packaged with the templates; Latin, Greek, Cyrillic) and, when the machine
 * has one, a CJK fallback. Output is reproducible: dates come from the analysis date and the
 * document id from the content's name, so the same input gives the same bytes. Thread-safe.
 */
public final class PdfWriter {
  /** System fonts that cover Chinese, Japanese and Korean, tried in order. */
  static final List<Path> CJK_FALLBACKS = List.of(
      Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));

  static {
    XRLog.setLoggingEnabled(false);
    Logger.getLogger("org.apache.pdfbox").setLevel(Level.SEVERE);
    Logger.getLogger("org.apache.fontbox").setLevel(Level.SEVERE);
  }

  private final TemplateSet templates;
  private final dev.hindsight.render.PageCache kept;
  private final java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
  private final byte[] regular;
  private final byte[] bold;
  private final Optional<byte[]> cjk;

  public PdfWriter(TemplateSet templates) {
    this(templates, Optional.empty());
  }

  /**
   * @param cache a folder where PDFs written by {@link #writeTo} are kept by a hash of everything
   *     they are made from (template source, view data, fonts, version), so that an unchanged brief
   *     is not rendered again
   */
  public PdfWriter(TemplateSet templates, Optional<Path> cache) {
    this.templates = templates;
    this.regular = resource("fonts/DejaVuSans.ttf");
    this.bold = resource("fonts/DejaVuSans-Bold.ttf");
    this.cjk = CJK_FALLBACKS.stream().filter(p -> p.toString().endsWith(".ttf") && Files.isReadable(p)).findFirst().map(PdfWriter::read);
    // Every key starts from the rendering code's version and the fonts a PDF embeds.
    this.kept = new dev.hindsight.render.PageCache(cache, CACHE_VERSION + '\u0000' + regular.length + '\u0000' + bold.length + '\u0000'
        + cjk.map(b -> b.length).orElse(0), ".pdf");
  }

  /** Whether a font for CJK text was found on this machine. */
  public boolean hasCjkFont() {
    return cjk.isPresent();
  }

  /**
   * Renders {@code template} with {@code page} and returns the PDF (never from the cache).
   *
   * @param documentKey a stable name of the document (e.g. the incident id), for its PDF id
   */
  public byte[] write(String template, Object page, String documentKey, LocalDate date) throws IOException {
    rendered.incrementAndGet();
    return render(template, page, documentKey, date);
  }

  /**
   * Writes the PDF of {@code template} with {@code page} to {@code target} (a new file): linked or
   * copied from the cache when one was kept for the same inputs, else rendered and kept. As with
   * pages ({@link dev.hindsight.render.PageCache}), a kept brief is a hard link to the published
   * one where the file system allows, so a build writes each PDF once.
   */
  public void writeTo(String template, Object page, String documentKey, LocalDate date, Path target) throws IOException {
    writeCached(template, kept.enabled() ? hash(template, "view", dev.hindsight.render.KeyText.of(page), documentKey, date) : null, () -> page, documentKey, date, target);
  }

  /**
   * As {@link #writeTo(String, Object, String, LocalDate, Path)}, with the PDF kept by {@code
   * inputs}, a text of everything its view is made from, so that a kept brief is linked without
   * building its view at all; {@code page} builds it when the PDF has to be rendered.
   */
  public void writeTo(String template, String inputs, java.util.function.Supplier<Object> page, String documentKey, LocalDate date,
      Path target) throws IOException {
    writeCached(template, kept.enabled() ? hash(template, "inputs", inputs, documentKey, date) : null, page, documentKey, date, target);
  }

  private void writeCached(String template, String key, java.util.function.Supplier<Object> page, String documentKey, LocalDate date,
      Path target) throws IOException {
    if (key != null && kept.copyTo(key, target)) {
      reused.incrementAndGet();
      return;
    }
    kept.write(key, target, write(template, page.get(), documentKey, date));
  }

  /** Deletes the kept PDFs that no {@link #writeTo} of this writer used, so the cache stays the size of one site. */
  public void prune() throws IOException {
    try {
      kept.prune();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The briefs the cache put, or found, in place in the output. */
  public java.util.Set<Path> placed() {
    return kept.placed();
  }

  /** How many PDFs were rendered, and how many came from the cache. */
  public int rendered() {
    return rendered.get();
  }

  public int reused() {
    return reused.get();
  }

  /** The key of a PDF: {@code basis} says whether {@code text} is its view's text or its inputs'. */
  private String hash(String template, String basis, String text, String key, LocalDate date) throws IOException {
    return kept.key(template + '#' + basis, templates.template(template) + "\u0000" + text + '\u0000' + key + '\u0000' + date);
  }

  /** Part of every cache key: bump it when the rendering code changes what it writes. */
  static final String CACHE_VERSION = "hindsight-brief-3";

  private byte[] render(String template, Object page, String documentKey, LocalDate date) throws IOException {
    String html;
    try {
      StringWriter out = new StringWriter();
      templates.template(template).process(Map.of("page", page), out);
      html = out.toString();
    } catch (TemplateException e) {
      throw new IOException("print template " + template + " failed: " + e.getMessageWithoutStackTop(), e);
    }
    // Print templates are XHTML: parsed as XML, so that <bookmarks> stays in the head where
    // OpenHTMLtoPDF looks for it (an HTML parser would move it, and the styles after it, into the body).
    org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html, "", org.jsoup.parser.Parser.xmlParser()));
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
    PDDocument target = new PDDocument();
    try {
      renderInto(target, dom, html, pdf, documentKey, date);
    } finally {
      target.close();
    }
    return pdf.toByteArray();
  }

  /**
   * The fonts parsed once per rendering thread and embedded (as subsets) into each document from
   * there: parsing them for every brief was most of a brief's memory traffic (about 8 MB each), and
   * at 10,000 briefs the collector could not keep up. A parsed font reads its glyphs lazily and is
   * not safe to share between threads, hence one set per thread.
   */
  private final ThreadLocal<ParsedFonts> parsed = ThreadLocal.withInitial(() -> new ParsedFonts());

  private final class ParsedFonts {
    private final org.apache.fontbox.ttf.TrueTypeFont regularFont = parse(regular);
    private final org.apache.fontbox.ttf.TrueTypeFont boldFont = parse(bold);
    private org.apache.fontbox.ttf.TrueTypeFont cjkFont;

    org.apache.fontbox.ttf.TrueTypeFont cjk() {
      if (cjkFont == null) cjkFont = parse(cjk.orElseThrow());
      return cjkFont;
    }

    private org.apache.fontbox.ttf.TrueTypeFont parse(byte[] bytes) {
      try {
        return new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void renderInto(PDDocument target, org.w3c.dom.Document dom, String html, ByteArrayOutputStream pdf, String documentKey, LocalDate date)
      throws IOException {
    ParsedFonts fonts = parsed.get();
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .usePDDocument(target)
        .useFastMode()
        .withW3cDocument(dom, "about:blank")
        .useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE))
        .withProducer("Hindsight")
        .usePdfUaAccessibility(true)
        .toStream(pdf);
    builder.useFont(new com.openhtmltopdf.pdfboxout.PDFontSupplier(org.apache.pdfbox.pdmodel.font.PDType0Font.load(target, fonts.regularFont, true)),
        "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
    builder.useFont(new com.openhtmltopdf.pdfboxout.PDFontSupplier(org.apache.pdfbox.pdmodel.font.PDType0Font.load(target, fonts.boldFont, true)),
        "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
    // The CJK fallback is a 4 MB font: only documents with text that DejaVu Sans lacks embed it.
    if (needsFallback(html) && cjk.isPresent()) {
      builder.useFont(new com.openhtmltopdf.pdfboxout.PDFontSupplier(org.apache.pdfbox.pdmodel.font.PDType0Font.load(target, fonts.cjk(), true)),
          "CJK Fallback", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
    }
    // Rendered, stamped and saved once: the dates and the id are set on the open document
    // (loading the finished PDF again to stamp it doubled the work and the memory per brief).
    try (com.openhtmltopdf.pdfboxout.PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.createPDFWithoutClosing();
      PDDocument doc = renderer.getPdfDocument();
      stamp(doc, documentKey, date);
      doc.save(pdf);
      renderer.finishPDF();
    }
  }

  /** Whether the text has characters from the CJK blocks on (U+2E80 and above), which DejaVu Sans does not cover. */
  static boolean needsFallback(String html) {
    return html.codePoints().anyMatch(c -> c >= 0x2E80);
  }

  /** Fixes the creation dates and the document id, which the renderer takes from the clock. */
  private static void stamp(PDDocument doc, String key, LocalDate date) {
    Calendar when = GregorianCalendar.from(date.atStartOfDay(ZoneOffset.UTC));
    when.setTimeZone(TimeZone.getTimeZone("UTC"));
    doc.getDocumentInformation().setCreationDate(when);
    doc.getDocumentInformation().setModificationDate(when);
    // The file identifier: a digest of the document's name instead of PDFBox's clock-based one
    // (PDFBox keeps an identifier that is already there).
    try {
      byte[] id = java.security.MessageDigest.getInstance("MD5").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
      ids.add(new org.apache.pdfbox.cos.COSString(id));
      ids.add(new org.apache.pdfbox.cos.COSString(id));
      doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = PdfWriter.class.getResourceAsStream("/dev/hindsight/templates/" + name)) {
      if (in == null) throw new IllegalStateException("missing from the jar: templates/" + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
