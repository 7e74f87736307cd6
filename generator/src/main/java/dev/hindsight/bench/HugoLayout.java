package dev.hindsight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal Hugo layout with pages equivalent to Hindsight's: an incident page (facts, summary,
 * timeline, metric data for a chart, causes, actions, the narrative with highlighted code blocks),
 * the index of every incident, and one page per service and per tag. {@code hugo.yaml} highlights
 * code fences with Chroma; {@code no-highlight.yaml}, given as a second config file, turns that off.
 */
final class HugoLayout {
  private HugoLayout() {}

  static void write(Path root) throws IOException {
    Files.writeString(root.resolve("hugo.yaml"), """
        baseURL: https://postmortems.example/
        title: Synthetic benchmark corpus
        disableKinds: [RSS, sitemap, robotsTXT]
        taxonomies:
          service: services
          tag: tags
        markup:
          highlight:
            codeFences: true
            noClasses: false
        """);
    Files.writeString(root.resolve("no-highlight.yaml"), """
        markup:
          highlight:
            codeFences: false
        """);
    Path layouts = Files.createDirectories(root.resolve("layouts/_default"));
    Files.writeString(layouts.resolve("baseof.html"), """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/site.css"></head>
        <body><header><a href="/">{{ .Site.Title }}</a> <a href="/services/">Services</a> <a href="/tags/">Tags</a></header>
        <main>{{ block "main" . }}{{ end }}</main><footer>Internal</footer></body></html>
        """);
    Files.writeString(layouts.resolve("single.html"), """
        {{ define "main" }}
        <article>
          <p>{{ .Params.severity }} · {{ .Params.status }}</p>
          <h1>{{ .Title }}</h1>
          <dl><dt>Started</dt><dd>{{ .Date.Format "2 Jan 2006, 15:04 MST" }}</dd><dt>Detected</dt><dd>{{ .Params.detected }}</dd>
          <dt>Mitigated</dt><dd>{{ .Params.mitigated }}</dd><dt>Resolved</dt><dd>{{ .Params.resolved }}</dd></dl>
          <p>{{ range .Params.services }}<a href="{{ "services/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>
          <section>{{ .Params.summary | markdownify }}</section>
          <section><h2>Impact</h2><p>{{ .Params.impact.summary }}</p><p>{{ .Params.impact.users_affected }} users</p>
          <p>{{ .Params.impact.blast_radius | markdownify }}</p></section>
          <section><h2>Timeline</h2><ol>{{ range .Params.timeline }}<li><time>{{ .at }}</time> <b>{{ .kind }}</b> {{ .event | markdownify }}</li>{{ end }}</ol></section>
          <section><h2>Metrics</h2>{{ range .Params.metrics }}<figure><figcaption>{{ .title }} ({{ .unit }})</figcaption>
          <script type="application/json">{{ jsonify .points | safeJS }}</script></figure>{{ end }}</section>
          <section><h2>Root cause</h2><p>{{ .Params.rca.category }}</p>{{ .Params.rca.trigger | markdownify }}
          <ul>{{ range .Params.rca.root_causes }}<li>{{ .description | markdownify }}</li>{{ end }}</ul>
          <ul>{{ range .Params.rca.contributing_factors }}<li>{{ .description | markdownify }}</li>{{ end }}</ul></section>
          <section><h2>Actions</h2><table><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th></tr>
          {{ range .Params.actions }}<tr><td>{{ .title }}</td><td>{{ .owner }}</td><td>{{ .due }}</td><td>{{ .status }}</td></tr>{{ end }}</table></section>
          <section><h2>Narrative</h2>{{ .Content }}</section>
          <p>{{ range .Params.tags }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>
        </article>
        {{ end }}
        """);
    Files.writeString(layouts.resolve("list.html"), """
        {{ define "main" }}<h1>{{ .Title }}</h1><table><tr><th>Incident</th><th>Started</th><th>Severity</th></tr>
        {{ range .Pages }}<tr><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Date.Format "2 Jan 2006" }}</td><td>{{ .Params.severity }}</td></tr>{{ end }}
        </table>{{ end }}
        """);
    Files.writeString(layouts.resolve("terms.html"), """
        {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
        """);
    Files.writeString(root.resolve("layouts/index.html"), """
        {{ define "main" }}<h1>{{ .Site.Title }}</h1><table><tr><th>Incident</th><th>Started</th><th>Severity</th><th>Services</th></tr>
        {{ range .Site.RegularPages }}<tr><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Date.Format "2 Jan 2006" }}</td><td>{{ .Params.severity }}</td><td>{{ delimit .Params.services ", " }}</td></tr>{{ end }}
        </table>{{ end }}
        """);
    Files.createDirectories(root.resolve("static"));
    Files.writeString(root.resolve("static/site.css"), "body{font-family:sans-serif;max-width:60rem;margin:auto}\n");
  }
}
