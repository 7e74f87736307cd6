package dev.hindsight.diagnostic;

/**
 * Stable diagnostic codes. The number never changes meaning once released, so that teams can
 * search for it and tools can filter on it; docs/diagnostics.md explains each one.
 */
public enum Code {
  HS001("YAML syntax error"),
  HS002("missing or malformed front matter"),
  HS003("duplicate key"),
  HS004("unreadable file"),
  HS101("missing required field"),
  HS102("unknown field"),
  HS103("value not allowed"),
  HS104("wrong type"),
  HS105("wrong format"),
  HS106("constraint not met"),
  HS107("file name not usable as an id"),
  HS201("times out of order"),
  HS202("timeline out of order"),
  HS203("timeline entry far from the incident"),
  HS204("action due before the incident"),
  HS205("done action without done_on"),
  HS206("done_on on an action that is not done"),
  HS207("duplicate action id"),
  HS208("duplicate metric or timeline id"),
  HS210("published incident incomplete"),
  HS211("unknown severity"),
  HS212("unknown RCA category"),
  HS213("unknown SLO"),
  HS214("owner not in a known team"),
  HS215("metric needs points or file"),
  HS216("unresolved evidence reference"),
  HS217("file name date differs from started"),
  HS218("impossible date or time"),
  HS219("metric points out of order"),
  HS220("published incident without resolution times"),
  HS301("duplicate incident id"),
  HS302("unknown related incident"),
  HS401("referenced file missing"),
  HS402("referenced file outside the incident folder"),
  HS403("malformed CSV metric file"),
  HS502("unknown time zone"),
  HS601("blame language"),
  HS602("claim without evidence"),
  HS603("no prevent or detect action"),
  HS604("late action for a most severe incident"),
  HS605("no follow-up review"),
  HS606("published late"),
  HS701("likely credential");

  private final String title;

  Code(String title) {
    this.title = title;
  }

  /** A few words that name the rule, for reports and docs. */
  public String title() {
    return title;
  }
}
