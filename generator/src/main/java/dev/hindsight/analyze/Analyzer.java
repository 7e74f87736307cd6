package dev.hindsight.analyze;

import dev.hindsight.model.Action;
import dev.hindsight.model.Incident;
import dev.hindsight.model.SiteConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Computes the {@link Analysis} of a corpus: the stage between validation and rendering. */
public final class Analyzer {
  private final SiteConfig config;
  private final SimilarSearch similar;

  /** How the most similar incidents are found: {@link Similarity#findAmong}, or a build's copy of its last result for the same texts. */
  public interface SimilarSearch {
    Map<String, List<Similarity.Match>> find(List<Similarity.Text> incidents, int limit);
  }

  public Analyzer(SiteConfig config) {
    this(config, Similarity::findAmong);
  }

  public Analyzer(SiteConfig config, SimilarSearch similar) {
    this.config = config;
    this.similar = similar;
  }

  public Analysis analyze(List<Incident> incidents, LocalDate asOf) {
    int window = config.analysis().recurrenceWindowDays();
    dev.hindsight.diagnostic.StageTimer timer = new dev.hindsight.diagnostic.StageTimer();
    // The parts that do not depend on each other overlap: recurrence by tag (one sorted pass, on
    // one thread) beside recurrence by cause, then beside the similarity search.
    CompletableFuture<Recurrence.Result> tagsLater = CompletableFuture.supplyAsync(() -> Recurrence.find(incidents, Incident::tags, window));
    Recurrence.Result causes = Recurrence.find(incidents, i -> i.rca().map(r -> List.of(r.category())).orElse(List.of()), window);
    timer.lap("  analysis: recurrence");
    Map<String, List<Similarity.Match>> similar = this.similar.find(incidents.stream().map(Similarity.Text::of).toList(),
        config.analysis().similarIncidents());
    Recurrence.Result tags = join(tagsLater);
    timer.lap("  analysis: similarity");

    // Each incident's figures depend on it and the results above only: made in parallel, kept in order.
    List<IncidentFigures> each = incidents.parallelStream().map(i -> figures(i, asOf, causes, tags, similar)).toList();
    Map<String, IncidentFigures> figures = new LinkedHashMap<>();
    List<TrackedAction> allActions = new ArrayList<>();
    List<String> reviewsDue = new ArrayList<>();
    for (IncidentFigures f : each) {
      figures.put(f.id(), f);
      allActions.addAll(f.actions());
      if (f.reviewDue()) reviewsDue.add(f.id());
    }
    timer.lap("  analysis: figures");
    CompletableFuture<List<PeriodTrend>> quarters = CompletableFuture.supplyAsync(
        () -> Trends.by(Trends::quarter, incidents, figures, config.timeZone(), asOf));
    List<PeriodTrend> months = Trends.by(Trends::month, incidents, figures, config.timeZone(), asOf);
    allActions.sort(TrackedAction.REVIEW_ORDER);
    Map<String, List<TrackedAction>> byOwner = new HashMap<>();
    Map<String, List<TrackedAction>> byTeam = new HashMap<>();
    for (TrackedAction t : allActions) {
      byOwner.computeIfAbsent(t.action().owner(), k -> new ArrayList<>()).add(t);
      List<String> teams = t.teams().isEmpty() ? List.of(Analysis.NO_TEAM) : t.teams();
      teams.forEach(team -> byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(t));
    }
    List<PeriodTrend> byQuarter = join(quarters);
    timer.lap("  analysis: actions and trends");
    return new Analysis(asOf, figures, causes.chains(), tags.chains(), months, byQuarter,
        allActions, byOwner, byTeam, reviewsDue.stream().sorted().toList());
  }

  private IncidentFigures figures(Incident i, LocalDate asOf, Recurrence.Result causes, Recurrence.Result tags,
      Map<String, List<Similarity.Match>> similar) {
    List<TrackedAction> actions = new ArrayList<>();
    for (Action a : i.actions()) {
      ActionState state = ActionState.of(a, asOf);
      long late = state == ActionState.OVERDUE ? ChronoUnit.DAYS.between(a.due(), asOf) : 0;
      actions.add(new TrackedAction(i.id(), i.title(), i.severity(), a, state, config.teamsOf(a.owner()), late));
    }
    boolean reviewDue = i.reviewOn().filter(r -> r.isBefore(asOf)).isPresent() && actions.stream().anyMatch(t -> t.state().isPending());
    return new IncidentFigures(i.id(),
        since(i, i.detected()), since(i, i.mitigated()), since(i, i.resolved()), i.duration(),
        i.impact().slo().flatMap(name -> BudgetBurn.of(i, config.slo(name))),
        actions,
        Recurrence.strongest(causes.places().getOrDefault(i.id(), List.of()), i.services()),
        tags.places().getOrDefault(i.id(), List.of()),
        similar.getOrDefault(i.id(), List.of()),
        reviewDue);
  }

  /** The task's result; its failure rethrown as it was thrown, not wrapped. */
  private static <T> T join(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  private static Optional<Duration> since(Incident i, Optional<OffsetDateTime> t) {
    return t.map(end -> Duration.between(i.started(), end));
  }
}
