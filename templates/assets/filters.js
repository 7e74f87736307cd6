/* Hindsight index filters: narrow and sort the incident table, which is complete in the HTML
   without JavaScript. The choice is kept in the address (?severity=SEV1&sort=duration) so it can
   be shared and survives the back button.
   A long index is cut into pages (page/2/, ...). There a filter, or an order other than newest
   first, looks at every incident: their rows' data (data-rows) is fetched once, and the matches
   are shown a page at a time, with a button for more. Cleared, the page shows its own rows again. */
(function () {
  'use strict';
  var form = document.querySelector('form.filters');
  var table = document.querySelector('table.incidents');
  if (!form || !table) return;
  var PAGE = 100;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = form.querySelector('.filter-count');
  var allUrl = form.getAttribute('data-rows');
  var root = form.getAttribute('data-root') || '';
  var total = form.getAttribute('data-total');
  var pager = document.querySelector('nav.pager');
  var pageOf = document.querySelector('.lede .page-of');
  var all = null; // every incident's rows: a promise, once asked for
  var generation = 0;
  var more = null;
  form.hidden = false;

  var params = new URLSearchParams(window.location.search);
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.name && params.has(el.name)) el.value = params.get(el.name);
  });

  /** Whether a row's data (a row's dataset, or a record of data-rows: the same names) passes the filters. */
  function matches(d, f) {
    return (!f.severity || d.severity === f.severity)
      && (!f.service || d.services.split(' ').indexOf(f.service) >= 0)
      && (!f.category || d.category === f.category)
      && (!f.status || d.status === f.status)
      && (!f.year || d.year === f.year);
  }

  // Each start time parsed once, not at each of a sort's comparisons (280,000 of them for 10,000 incidents).
  var times = Object.create(null);
  function time(iso) {
    var t = times[iso];
    return t === undefined ? (times[iso] = Date.parse(iso)) : t;
  }

  var orders = {
    newest: function (a, b) { return time(b.started) - time(a.started); },
    oldest: function (a, b) { return time(a.started) - time(b.started); },
    severity: function (a, b) { return (a.rank - b.rank) || orders.newest(a, b); },
    duration: function (a, b) { return (Number(b.duration) - Number(a.duration)) || orders.newest(a, b); }
  };

  function choice() {
    var f = {};
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name) f[el.name] = el.value; });
    return f;
  }

  function remember(f) {
    var query = new URLSearchParams();
    Object.keys(f).forEach(function (name) {
      if (f[name] && !(name === 'sort' && f[name] === 'newest')) query.set(name, f[name]);
    });
    var search = query.toString();
    window.history.replaceState(null, '', search ? '?' + search : window.location.pathname);
  }

  /** A one-page index: its rows are every incident; they are hidden and reordered in place. */
  function applyInPlace(f) {
    var shown = 0;
    var order = orders[f.sort] || orders.newest;
    rows.slice().sort(function (a, b) { return order(a.dataset, b.dataset); }).forEach(function (row) {
      var visible = matches(row.dataset, f);
      row.hidden = !visible;
      if (visible) shown++;
      body.appendChild(row);
    });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' incidents';
  }

  function cell(tr, className) {
    var td = document.createElement('td');
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }

  function badge(className, text, title) {
    var span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    if (title) span.title = title;
    return span;
  }

  /** A table row for a record of data-rows, as the page's own rows are written. */
  function rowOf(r) {
    var tr = document.createElement('tr');
    ['severity', 'rank', 'year', 'status', 'category', 'services', 'started', 'duration'].forEach(function (name) {
      tr.setAttribute('data-' + name, r[name]);
    });
    var time = document.createElement('time');
    time.setAttribute('datetime', r.started);
    time.textContent = r.date;
    cell(tr, 'nowrap').appendChild(time);
    cell(tr).appendChild(badge('badge sev sev-' + r.rank, r.severity, 'Severity ' + r.severity));
    var what = cell(tr);
    var a = document.createElement('a');
    a.className = 'title';
    a.href = root + r.url;
    a.textContent = r.title;
    what.appendChild(a);
    if (r.status !== 'published') {
      what.appendChild(document.createTextNode(' '));
      what.appendChild(badge('badge status status-' + r.status, r.status));
    }
    if (r.summary) {
      var p = document.createElement('p');
      p.className = 'summary';
      p.textContent = r.summary;
      what.appendChild(p);
    }
    var services = cell(tr);
    r.services.split(' ').filter(Boolean).forEach(function (s, k) {
      if (k) services.appendChild(document.createTextNode(' '));
      services.appendChild(badge('chip', s));
    });
    cell(tr).textContent = r.category;
    cell(tr, 'nowrap').textContent = r.length;
    return tr;
  }

  /** Shows the page's own rows, as written, and its links to the other pages. */
  function ownRows() {
    body.textContent = '';
    rows.forEach(function (row) { row.hidden = false; body.appendChild(row); });
    if (pager) pager.hidden = false;
    if (pageOf) pageOf.hidden = false;
    if (more) more.hidden = true;
    count.textContent = 'Showing ' + rows.length + ' of ' + total + ' incidents; a filter or an order looks through them all';
  }

  /** Shows the matches among every incident, a page at a time. */
  function everyMatch(list) {
    var shown = 0;
    body.textContent = '';
    if (pager) pager.hidden = true;
    if (pageOf) pageOf.hidden = true;
    if (!more) {
      more = document.createElement('button');
      more.type = 'button';
      more.className = 'more-rows';
      table.parentNode.insertBefore(more, table.nextSibling);
    }
    function next() {
      var fragment = document.createDocumentFragment();
      list.slice(shown, shown + PAGE).forEach(function (r) { fragment.appendChild(rowOf(r)); });
      body.appendChild(fragment);
      shown = Math.min(list.length, shown + PAGE);
      more.hidden = shown >= list.length;
      more.textContent = 'Show ' + Math.min(PAGE, list.length - shown) + ' more';
      count.textContent = 'Showing ' + shown + ' of ' + list.length + ' matching incidents (' + total + ' in all)';
    }
    more.onclick = next;
    next();
  }

  /** Every incident's row data, fetched once (again after a failure). */
  function rowsOfEveryIncident() {
    if (!all) {
      all = fetch(allUrl).then(function (r) {
        if (!r.ok) throw new Error('the rows of the index are missing: ' + allUrl);
        return r.json();
      });
      all.catch(function () { all = null; });
    }
    return all;
  }

  function apply() {
    var f = choice();
    remember(f);
    if (!allUrl) {
      applyInPlace(f);
      return;
    }
    var mine = ++generation;
    if (!(f.severity || f.service || f.category || f.status || f.year || (f.sort && f.sort !== 'newest'))) {
      ownRows();
      return;
    }
    count.textContent = 'Looking through every incident…';
    rowsOfEveryIncident().then(function (list) {
      if (mine === generation) everyMatch(list.filter(function (r) { return matches(r, f); }).sort(orders[f.sort] || orders.newest));
    }).catch(function (e) { count.textContent = 'Filtering is unavailable: ' + e.message; });
  }

  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();
