/* Added by `hindsight serve` only: reloads the page when the site is rebuilt, and shows the
   current validation problems in a banner. Not part of the published site. */
(function () {
  'use strict';
  var seen = null;
  var banner = null;
  function show(problems) {
    if (!problems.length) {
      if (banner) { banner.remove(); banner = null; }
      return;
    }
    if (!banner) {
      banner = document.createElement('aside');
      banner.setAttribute('role', 'alert');
      banner.className = 'hindsight-problems';
      banner.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:40vh;overflow:auto;background:#fff3f2;color:#5c1210;'
        + 'border-top:3px solid #b42318;padding:0.6rem 1rem;font:13px/1.4 ui-monospace,monospace;z-index:100;';
      document.body.appendChild(banner);
    }
    banner.textContent = '';
    var title = document.createElement('strong');
    title.textContent = problems.length + ' problem' + (problems.length === 1 ? '' : 's') + ' (the last good build is shown):';
    banner.appendChild(title);
    problems.forEach(function (p) {
      var line = document.createElement('div');
      line.textContent = p;
      banner.appendChild(line);
    });
  }
  function poll() {
    fetch('/__hindsight/status', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen) { window.location.reload(); return; }
      seen = s.build;
      show(s.problems || []);
    }).catch(function () {}).then(function () { setTimeout(poll, 700); });
  }
  poll();
})();
