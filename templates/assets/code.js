/* Hindsight code blocks: SQL, query plans and shell snippets highlighted with highlight.js (from
   its webjar). Without JavaScript the blocks stay plain, and just as readable. */
(function () {
  'use strict';
  if (typeof hljs === 'undefined') return;
  hljs.configure({ ignoreUnescapedHTML: true, cssSelector: 'pre code' });
  hljs.highlightAll();
})();
