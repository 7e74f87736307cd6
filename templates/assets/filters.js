/* Hindsight index filters: narrow and sort the incident table, which is complete in the HTML
   without JavaScript. The choice is kept in the address (?severity=SEV1&sort=duration) so it can
   be shared and survives the back button. */
(function () {
  'use strict';
  var form = document.querySelector('form.filters');
  var table = document.querySelector('table.incidents');
  if (!form || !table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = form.querySelector('.filter-count');
  form.hidden = false;

  var params = new URLSearchParams(window.location.search);
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.name && params.has(el.name)) el.value = params.get(el.name);
  });

  function matches(row, f) {
    return (!f.severity || row.dataset.severity === f.severity)
      && (!f.service || row.dataset.services.split(' ').indexOf(f.service) >= 0)
      && (!f.category || row.dataset.category === f.category)
      && (!f.status || row.dataset.status === f.status)
      && (!f.year || row.dataset.year === f.year);
  }

  var orders = {
    newest: function (a, b) { return Date.parse(b.dataset.started) - Date.parse(a.dataset.started); },
    oldest: function (a, b) { return Date.parse(a.dataset.started) - Date.parse(b.dataset.started); },
    severity: function (a, b) { return (a.dataset.rank - b.dataset.rank) || orders.newest(a, b); },
    duration: function (a, b) { return (Number(b.dataset.duration) - Number(a.dataset.duration)) || orders.newest(a, b); }
  };

  function apply() {
    var f = {};
    var query = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      f[el.name] = el.value;
      if (el.value && !(el.name === 'sort' && el.value === 'newest')) query.set(el.name, el.value);
    });
    var shown = 0;
    rows.slice().sort(orders[f.sort] || orders.newest).forEach(function (row) {
      var visible = matches(row, f);
      row.hidden = !visible;
      if (visible) shown++;
      body.appendChild(row);
    });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' incidents';
    var search = query.toString();
    window.history.replaceState(null, '', search ? '?' + search : window.location.pathname);
  }

  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();
