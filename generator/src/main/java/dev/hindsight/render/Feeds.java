package dev.hindsight.render;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.TrackedAction;
import dev.hindsight.model.Incident;
import dev.hindsight.model.IncidentStatus;
import dev.hindsight.model.SiteConfig;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The site's feeds and exports: an Atom feed of the newest published incidents ({@code feed.xml}, with Rome),
 * iCalendar feeds of open actions' due dates and of follow-up reviews (with ical4j; one for
 * everything in {@code calendar/all.ics}, one per owner and per team), and every action as CSV
 * ({@code data/actions.csv}, with Commons CSV). All stamped with the analysis date, so rebuilds are
 * reproducible.
 */
public final class Feeds {
  /**
   * Entries in the Atom feed: the newest published incidents. Feed readers poll the whole file,
   * so it stays small at any corpus size (10,000 entries made an 11 MB feed); the site's index
   * has every incident.
   */
  static final int FEED_ENTRIES = 100;
  private final SiteConfig config;
  private final MarkdownRenderer markdown;

  public Feeds(SiteConfig config, MarkdownRenderer markdown) {
    this.config = config;
    this.markdown = markdown;
  }

  private String absolute(String path) {
    return config.baseUrl().map(u -> u + path).orElse(path);
  }

  void atom(List<Incident> incidents, Path file) throws IOException {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle(config.title());
    feed.setDescription("Published incident post-mortems");
    feed.setUri(absolute("feed.xml"));
    feed.setLink(absolute(""));
    List<SyndEntry> entries = new ArrayList<>();
    Date newest = Date.from(Instant.EPOCH);
    for (Incident i : newestPublished(incidents)) {
      SyndEntry e = new SyndEntryImpl();
      e.setTitle(i.severity() + ": " + i.title());
      e.setUri("urn:hindsight:incident:" + i.id());
      e.setLink(absolute(IncidentViews.url(i)));
      Date updated = Date.from(updated(i));
      e.setUpdatedDate(updated);
      e.setPublishedDate(updated);
      if (updated.after(newest)) newest = updated;
      SyndContentImpl summary = new SyndContentImpl();
      summary.setType("text");
      summary.setValue(markdown.plain(i.summary().orElse("")));
      e.setDescription(summary);
      List<SyndCategory> categories = new ArrayList<>();
      for (String c : concat(List.of(i.severity()), i.services(), i.rca().map(r -> List.of(r.category())).orElse(List.of()))) {
        SyndCategory cat = new SyndCategoryImpl();
        cat.setName(c);
        categories.add(cat);
      }
      e.setCategories(categories);
      e.setAuthor(i.authors().isEmpty() ? config.title() : String.join(", ", i.authors()));
      entries.add(e);
    }
    feed.setEntries(entries);
    feed.setPublishedDate(newest);
    SyndLinkImpl self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(absolute("feed.xml"));
    feed.setLinks(List.of(self));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new SyndFeedOutput().output(feed, out);
    } catch (FeedException e) {
      throw new IOException("could not write the Atom feed: " + e.getMessage(), e);
    }
  }

  /** The {@value #FEED_ENTRIES} published incidents updated last, newest first (ties: in corpus order). */
  static List<Incident> newestPublished(List<Incident> incidents) {
    return java.util.stream.IntStream.range(0, incidents.size()).filter(k -> incidents.get(k).status() == IncidentStatus.PUBLISHED).boxed()
        .sorted(java.util.Comparator.comparing((Integer k) -> updated(incidents.get(k))).reversed()).limit(FEED_ENTRIES)
        .sorted().map(incidents::get).toList();
  }

  private static Instant updated(Incident i) {
    return i.publishedOn().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(i.resolved().orElse(i.started()).toInstant());
  }

  /**
   * Writes {@code calendar/}: one file for everything, one per owner and one per team.
   *
   * @param calendarUrl the calendar file of an owner ({@code "owners", name}) or a team ({@code
   *     "teams", name}), relative to the site root
   * @param events each event's text (as ical4j writes and folds it) by its fields, kept from
   *     earlier builds
   */
  void calendars(List<Incident> incidents, Analysis analysis, BiFunction<String, String, String> calendarUrl, Path site,
      FragmentStore events) throws IOException {
    Path dir = site.resolve("calendar");
    Files.createDirectories(dir);
    Instant stamp = analysis.asOf().atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, List<Event>> byFile = new LinkedHashMap<>();
    List<Event> every = new ArrayList<>();
    byFile.put("calendar/all.ics", every);
    for (TrackedAction t : analysis.actions()) {
      if (!t.state().isPending()) continue;
      Event due = new Event(t.action().due(), "Due: " + t.action().title() + " (" + t.action().owner() + ")",
          t.incidentId() + "-" + t.action().id() + "@hindsight", stamp,
          t.incidentTitle() + "\nAction " + t.action().id() + ", " + t.action().type().label() + ", " + t.action().priority().label()
              + (t.daysOverdue() > 0 ? ", overdue by " + t.daysOverdue() + " days" : ""),
          absolute("incidents/" + t.incidentId() + "/"));
      every.add(due);
      byFile.computeIfAbsent(calendarUrl.apply("owners", t.action().owner()), k -> new ArrayList<>()).add(due);
      for (String team : t.teams()) byFile.computeIfAbsent(calendarUrl.apply("teams", team), k -> new ArrayList<>()).add(due);
    }
    for (Incident i : incidents) {
      if (i.reviewOn().isEmpty()) continue;
      boolean pending = analysis.of(i.id()).actions().stream().anyMatch(t -> t.state().isPending());
      if (!pending && i.reviewOn().get().isBefore(analysis.asOf())) continue;
      every.add(new Event(i.reviewOn().get(), "Follow-up review: " + i.title(), i.id() + "-review@hindsight", stamp,
          "Check that the actions of this post-mortem were done.", absolute(IncidentViews.url(i))));
    }
    // Every event is in two or three files (all, its owner's, its teams'). Each is written out and
    // folded once, on every core, as ical4j's Calendar.toString and CalendarOutputter would (its
    // properties, then its components, inside BEGIN/END:VCALENDAR; FeedsTest checks each file
    // against what CalendarOutputter writes). Folding starts afresh after every line break and each
    // event's text ends with one, so folded events put together are the folded file.
    Calendar header = new Calendar();
    header.add(new ProdId("-//Hindsight//Post-mortem actions//EN"));
    header.add(ImmutableVersion.VERSION_2_0);
    header.add(ImmutableCalScale.GREGORIAN);
    String empty = fold(header.toString());
    int end = empty.lastIndexOf("END:VCALENDAR");
    List<String> everyText = every.parallelStream().map(e -> events.get(e.inputs(), () -> fold(e.toVEvent().toString()))).toList();
    Map<Event, String> texts = new java.util.IdentityHashMap<>(every.size() * 2);
    for (int k = 0; k < every.size(); k++) texts.put(every.get(k), everyText.get(k));
    try {
      byFile.entrySet().parallelStream().forEach(e -> {
        StringBuilder text = new StringBuilder(empty.length() + e.getValue().size() * 400).append(empty, 0, end);
        for (Event event : e.getValue()) text.append(texts.get(event));
        text.append(empty, end, empty.length());
        try {
          Files.writeString(site.resolve(e.getKey()), text, StandardCharsets.UTF_8);
        } catch (IOException x) {
          throw new java.io.UncheckedIOException(x);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Text folded as CalendarOutputter folds it. */
  private static String fold(String text) {
    // ical4j folds character by character: into an unlocked StringBuilder writer, not a (locking) BufferedWriter.
    org.apache.commons.io.output.StringBuilderWriter out = new org.apache.commons.io.output.StringBuilderWriter(text.length() + text.length() / 64);
    try (net.fortuna.ical4j.data.FoldingWriter folding = new net.fortuna.ical4j.data.FoldingWriter(out, FOLD_LENGTH)) {
      folding.write(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The fields of one calendar event: all its text is made of. */
  private record Event(LocalDate day, String summary, String uid, Instant stamp, String description, String url) {
    /** The fields as one text, each after its length: no two events have the same, whatever characters they hold. */
    String inputs() {
      StringBuilder text = new StringBuilder(256);
      for (String field : List.of(day.toString(), summary, uid, stamp.toString(), description, url)) {
        text.append(field.length()).append(':').append(field);
      }
      return text.toString();
    }

    VEvent toVEvent() {
      VEvent event = new VEvent(day, summary);
      event.add(new Uid(uid));
      event.replace(new DtStamp(stamp));
      event.add(new Description(description));
      try {
        event.add(new Url(java.net.URI.create(url)));
      } catch (IllegalArgumentException ignored) {
        // a relative URL without a base_url: leave the link out
      }
      return event;
    }
  }

  /** The line length CalendarOutputter folds at (ical4j's default, without the Outlook hint). */
  private static final int FOLD_LENGTH = net.fortuna.ical4j.data.FoldingWriter.REDUCED_FOLD_LENGTH;

  void csv(Analysis analysis, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    CSVFormat format = CSVFormat.RFC4180;
    List<TrackedAction> all = analysis.actions();
    // The rows in chunks on every core, put together in order: what one printer writes row by row.
    int chunk = 2000;
    List<String> chunks = java.util.stream.IntStream.range(0, (all.size() + chunk - 1) / chunk).parallel().mapToObj(c -> {
      StringBuilder text = new StringBuilder(chunk * 256);
      try (CSVPrinter csv = new CSVPrinter(text, format)) {
        for (TrackedAction t : all.subList(c * chunk, Math.min(all.size(), (c + 1) * chunk))) csv.printRecord(row(t));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return text.toString();
    }).toList();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(format.format((Object[]) CSV_HEADER));
      out.write(format.getRecordSeparator());
      for (String c : chunks) out.write(c);
    }
  }

  private static final String[] CSV_HEADER = {"incident", "incident_title", "severity", "action", "title", "owner", "teams", "due", "type",
      "priority", "status", "state", "days_overdue", "done_on", "ticket", "ticket_url"};

  private Object[] row(TrackedAction t) {
    var a = t.action();
    return new Object[] {cell(t.incidentId()), cell(t.incidentTitle()), cell(t.severity()), cell(a.id()), cell(a.title()), cell(a.owner()),
        cell(String.join(" ", t.teams())), a.due(), a.type().label(), a.priority().label(), a.status().label(), t.state().label(),
        t.daysOverdue(), a.doneOn().map(Object::toString).orElse(""), cell(a.ticket().orElse("")),
        cell(a.ticket().flatMap(config::ticketLink).orElse(""))};
  }

  /**
   * A text cell that a spreadsheet cannot take for a formula: text starting with =, +, -, @, a tab
   * or a carriage return gets a leading apostrophe (OWASP's advice against CSV injection).
   */
  static String cell(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) out.addAll(l);
    return out;
  }
}
