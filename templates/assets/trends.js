/* Hindsight trend charts: Chart.js bar and line charts from <script type="application/json"> data.
   The table under each chart holds the same figures for screen readers and readers without JavaScript. */
(function () {
  'use strict';
  var SEVERITY = ['#b42318', '#b54708', '#6b5300', '#3d5a80', '#5b6877'];
  var PALETTE = ['#1f5fa8', '#b54708', '#2e7d5b', '#8e44ad', '#b42318', '#00838f', '#6d4c41', '#c2185b', '#5b6877', '#827717',
    '#283593', '#ef6c00', '#00695c', '#ad1457', '#455a64'];

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-trend'));
    if (!source || typeof Chart === 'undefined') return;
    var spec = JSON.parse(source.textContent);
    var colors = canvas.getAttribute('data-trend') === 'trend-by-severity' ? SEVERITY : PALETTE;
    var muted = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || '#5b6877';
    var datasets = spec.datasets.map(function (d, k) {
      var color = colors[k % colors.length];
      return {
        label: d.label, data: d.data, backgroundColor: color, borderColor: color, borderWidth: spec.type === 'line' ? 2 : 0,
        borderDash: spec.type === 'line' && /p90/.test(d.label) ? [6, 4] : [], pointRadius: spec.type === 'line' ? 3 : 0, spanGaps: true
      };
    });
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: spec.stacked, ticks: { color: muted, maxRotation: 0, autoSkip: true }, grid: { display: false } },
          y: { stacked: spec.stacked, beginAtZero: true, title: { display: true, text: spec.unit, color: muted },
            ticks: { color: muted, precision: spec.unit === 'incidents' ? 0 : undefined }, grid: { color: 'rgba(127, 127, 127, 0.15)' } }
        },
        plugins: { legend: { position: 'bottom', labels: { color: muted, boxWidth: 12 } } }
      }
    });
    canvas.parentElement.hidden = false;
  }

  document.querySelectorAll('canvas[data-trend]').forEach(draw);
})();
