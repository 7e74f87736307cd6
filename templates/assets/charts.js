/* Hindsight metric charts: Chart.js with a time axis (Luxon adapter) and the annotation plugin.
   The data comes from <script type="application/json"> blocks written by the generator; without
   JavaScript the static SVG chart and the data table stay in place. */
(function () {
  'use strict';

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  function marker(at, text, color) {
    return {
      type: 'line', xMin: at, xMax: at, borderColor: color, borderWidth: 1.5, borderDash: [4, 4],
      label: { display: true, content: text, position: 'end', backgroundColor: color, color: '#fff', font: { size: 11 } }
    };
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source || typeof Chart === 'undefined') return;
    var data = JSON.parse(source.textContent);
    var ink = cssVar('--ink', '#1d2733');
    var muted = cssVar('--muted', '#5b6877');
    var danger = cssVar('--sev0', '#b42318');
    var accent = cssVar('--accent', '#1f5fa8');
    var end = data.mitigated || data.resolved;
    var annotations = {};
    if (end) {
      annotations.window = {
        type: 'box', xMin: data.started, xMax: end, backgroundColor: 'rgba(180, 35, 24, 0.10)', borderWidth: 0,
        label: { display: true, content: 'Impact window', position: { x: 'center', y: 'start' }, color: danger, font: { size: 11 } }
      };
    }
    if (data.detected) annotations.detected = marker(data.detected, 'Detected', '#b54708');
    if (data.mitigated) annotations.mitigated = marker(data.mitigated, 'Mitigated', accent);
    if (typeof data.threshold === 'number') {
      annotations.threshold = {
        type: 'line', yMin: data.threshold, yMax: data.threshold, borderColor: danger, borderWidth: 1.5, borderDash: [6, 4],
        label: { display: true, content: 'Threshold ' + data.threshold + ' ' + data.unit, position: 'end', backgroundColor: danger, color: '#fff', font: { size: 11 } }
      };
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [{
          label: data.title,
          data: data.points.map(function (p) { return { x: p[0], y: p[1] }; }),
          borderColor: accent, backgroundColor: accent, borderWidth: 2, pointRadius: 0, pointHitRadius: 6, tension: 0.15
        }]
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: {
            type: 'time',
            adapters: { date: { zone: data.zone } },
            time: { tooltipFormat: 'd MMM yyyy, HH:mm', displayFormats: { minute: 'HH:mm', hour: 'HH:mm', day: 'd MMM' } },
            title: { display: true, text: 'Time (' + data.zone + ')', color: muted },
            ticks: { color: muted, maxRotation: 0, autoSkip: true, maxTicksLimit: 10 }, grid: { color: 'rgba(127, 127, 127, 0.15)' }
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: data.unit, color: muted },
            ticks: { color: muted }, grid: { color: 'rgba(127, 127, 127, 0.15)' }
          }
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return c.formattedValue + ' ' + data.unit; } } },
          annotation: { annotations: annotations }
        },
        color: ink
      }
    });
    canvas.parentElement.hidden = false;
    var fallback = canvas.closest('figure').querySelector('.sparkline');
    if (fallback) fallback.classList.add('replaced');
  }

  document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
