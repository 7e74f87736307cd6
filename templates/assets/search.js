/* Hindsight search: ranked full-text search over every incident, typo-tolerant, on every page.
   The generator writes a sharded index (data/search/); Fuse.js matches query words against the
   index's vocabulary (so "deadlok" finds "deadlock"), and only the shards of those words load.
   Results are built with DOM nodes and textContent: indexed text is never parsed as HTML. */
(function () {
  'use strict';
  var box = document.querySelector('.search');
  if (!box || typeof Fuse === 'undefined' || !window.fetch) return;
  var STOP = new Set(['the', 'and', 'for', 'that', 'this', 'with', 'was', 'were', 'are', 'has', 'had', 'have', 'not', 'but', 'from',
    'its', 'into', 'than', 'then', 'there', 'their', 'they', 'them', 'which', 'when', 'while', 'who', 'what', 'where', 'why', 'how',
    'all', 'any', 'our', 'out', 'been', 'can', 'could', 'would', 'should', 'will', 'did', 'does', 'to', 'of', 'in', 'on', 'at', 'by',
    'an', 'is', 'be', 'as', 'or', 'if', 'no', 'we', 'us', 'it', 'so', 'up']);
  var SHARDS = 32;
  var TEXT_CHUNK = 25;
  var FUZZY_THRESHOLD = 0.3;
  var texts = {};
  var root = box.getAttribute('data-root');
  var input = box.querySelector('input');
  var list = box.querySelector('.search-results');
  var status = box.querySelector('.search-status');
  var index = null;
  var shards = {};
  var active = -1;
  var generation = 0;
  box.hidden = false;

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2 && !STOP.has(w); });
  }

  function shardOf(word) {
    var h = 0;
    for (var k = 0; k < word.length; k++) h = (Math.imul(h, 31) + word.charCodeAt(k)) | 0;
    return ((h % SHARDS) + SHARDS) % SHARDS;
  }

  function json(path) {
    return fetch(root + path).then(function (r) {
      if (!r.ok) throw new Error('search index missing: ' + path);
      return r.json();
    });
  }

  function load() {
    if (!index) {
      index = Promise.all([json('data/search/docs.json'), json('data/search/vocab.json')]).then(function (parts) {
        var vocab = parts[1].map(function (v) { return v[0]; });
        var idx = { docs: parts[0], vocab: vocab, known: new Set(vocab), grams: new Map(), gramsMade: 0 };
        // The misspelling index is made while the reader is still typing, not on their first typo,
        // a few milliseconds at a time so that no keystroke waits for it (all of it takes 40-70 ms
        // at 10,000 incidents).
        (function slice() {
          gramsOf(idx, performance.now() + 4);
          if (idx.gramsMade < idx.vocab.length) setTimeout(slice, 0);
        })();
        return idx;
      });
    }
    return index;
  }

  /** The pairs of adjacent letters of a word, each once. */
  function bigrams(word) {
    var out = [];
    for (var k = 0; k + 1 < word.length; k++) {
      var g = word.substr(k, 2);
      if (out.indexOf(g) < 0) out.push(g);
    }
    return out;
  }

  /**
   * For each pair of adjacent letters, the vocabulary's words that hold it: made once per page, in
   * slices that stop at {@code until} (a time from performance.now()), or at once when not given.
   */
  function gramsOf(idx, until) {
    var grams = idx.grams;
    while (idx.gramsMade < idx.vocab.length) {
      var w = idx.gramsMade++;
      bigrams(idx.vocab[w]).forEach(function (g) {
        var list = grams.get(g);
        if (list) list.push(w); else grams.set(g, [w]);
      });
      if (until && (w & 255) === 0 && performance.now() > until) break;
    }
    return grams;
  }

  /**
   * Near spellings of a word that is not in the vocabulary, from Fuse.js. Fuse.js compares the
   * word with each candidate it is given; it is given only the words that share enough pairs of
   * letters to be within its threshold (each letter typed wrong breaks at most two pairs), a few
   * dozen of the vocabulary's tens of thousands. Against the whole vocabulary of 10,000 incidents
   * (36,000 words), 412 misspellings found the same words with the same scores, in 0.13 ms each
   * instead of 27 ms.
   */
  function nearSpellings(word, idx) {
    var grams = gramsOf(idx);
    var mine = bigrams(word);
    var need = Math.max(1, mine.length - 2 * Math.ceil(FUZZY_THRESHOLD * word.length));
    var counts = new Uint8Array(idx.vocab.length);
    var candidates = [];
    mine.forEach(function (g) {
      (grams.get(g) || []).forEach(function (w) {
        if (++counts[w] === need) candidates.push(w);
      });
    });
    // In the vocabulary's order, so that equal scores rank as they would against the whole of it.
    candidates.sort(function (a, b) { return a - b; });
    return new Fuse(candidates.map(function (w) { return idx.vocab[w]; }), { includeScore: true, threshold: FUZZY_THRESHOLD, distance: 40, minMatchCharLength: 2, ignoreLocation: false })
      .search(word, { limit: 8 });
  }

  function textChunk(c) {
    if (!texts[c]) {
      texts[c] = json('data/search/texts-' + (c < 10 ? '0' : '') + c + '.json').then(function (t) { texts[c] = t; return t; });
    }
    return Promise.resolve(texts[c]);
  }

  function postings(s) {
    if (!shards[s]) shards[s] = json('data/search/postings-' + (s < 10 ? '0' : '') + s + '.json');
    return shards[s];
  }

  /** The first index in the sorted vocabulary at or after {@code word}. */
  function lowerBound(vocab, word) {
    var lo = 0, hi = vocab.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (vocab[mid] < word) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /**
   * The indexed words a query word stands for: itself and, for the word being typed (the last),
   * the words it begins (found by binary search in the sorted vocabulary); a word before it that
   * is in the vocabulary stands for itself alone, as it is typed out. Only when neither is found,
   * near spellings from Fuse.js. Each word stood for may need a shard of its own: a finished word's
   * longer forms ("pool": "pooler", "pooling", "pools") would fetch shards for nothing.
   */
  function expand(word, idx, typing) {
    var out = {};
    if (idx.known.has(word)) {
      out[word] = 1;
      if (!typing) return out;
    }
    for (var k = lowerBound(idx.vocab, word), n = 0; k < idx.vocab.length && n < 8 && idx.vocab[k].indexOf(word) === 0; k++) {
      if (idx.vocab[k] !== word) { out[idx.vocab[k]] = 0.85; n++; }
    }
    if (Object.keys(out).length === 0) {
      nearSpellings(word, idx).forEach(function (r) { out[r.item] = Math.max(0.1, 0.7 * (1 - r.score)); });
    }
    return out;
  }

  function search(query) {
    var qwords = words(query);
    if (!qwords.length) return Promise.resolve({ results: [], terms: [] });
    return load().then(function (idx) {
      // A query that ends in a space or a sign has no word being typed.
      var typing = /[\p{L}\p{N}]$/u.test(query);
      var expanded = qwords.map(function (w, k) { return expand(w, idx, typing && k === qwords.length - 1); });
      var needed = {};
      expanded.forEach(function (e) { Object.keys(e).forEach(function (t) { needed[shardOf(t)] = true; }); });
      return Promise.all(Object.keys(needed).map(function (s) { return postings(+s).then(function (p) { return [s, p]; }); }))
        .then(function (loaded) {
          var byShard = {};
          loaded.forEach(function (l) { byShard[l[0]] = l[1]; });
          var scores = {};
          var hits = {};
          var terms = [];
          expanded.forEach(function (candidates, q) {
            var best = {};
            Object.keys(candidates).forEach(function (t) {
              terms.push(t);
              (byShard[shardOf(t)][t] || []).forEach(function (p) {
                var s = p[1] * candidates[t];
                if (!(p[0] in best) || best[p[0]] < s) best[p[0]] = s;
              });
            });
            Object.keys(best).forEach(function (d) {
              scores[d] = (scores[d] || 0) + best[d];
              hits[d] = (hits[d] || 0) + 1;
            });
          });
          var ranked = Object.keys(scores).sort(function (a, b) { return (hits[b] - hits[a]) || (scores[b] - scores[a]); });
          var top = ranked.slice(0, 10).map(Number);
          var chunks = {};
          top.forEach(function (d) { chunks[Math.floor(d / TEXT_CHUNK)] = true; });
          // Titles show at once; the snippets follow when their chunks of text are in.
          var pending = Promise.all(Object.keys(chunks).map(function (c) { return textChunk(+c); }));
          pending.catch(function () {}); // reported by whoever still waits for it
          return {
            results: top.map(function (d) {
              var doc = idx.docs[d];
              return { t: doc.t, u: 'incidents/' + doc.id + '/', s: doc.s, d: doc.d, n: d };
            }),
            terms: terms, total: ranked.length,
            texts: pending
          };
        });
    });
  }

  /** The texts of document {@code d}, if its chunk is in hand. */
  function textsOf(d) {
    var chunk = texts[Math.floor(d / TEXT_CHUNK)];
    return Array.isArray(chunk) ? chunk[d % TEXT_CHUNK] : null;
  }

  /** Appends text to a node, wrapping the matched words in <mark>. */
  function highlight(node, text, terms) {
    var pattern = terms.length ? new RegExp('(' + terms.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }).join('|') + ')', 'giu') : null;
    var last = 0;
    if (pattern) {
      text.replace(pattern, function (m, g, at) {
        node.appendChild(document.createTextNode(text.slice(last, at)));
        var mark = document.createElement('mark');
        mark.textContent = m;
        node.appendChild(mark);
        last = at + m.length;
        return m;
      });
    }
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  function snippet(fields, terms) {
    for (var k = 0; k < fields.length; k++) {
      var lower = fields[k].toLowerCase();
      for (var j = 0; j < terms.length; j++) {
        var at = lower.indexOf(terms[j]);
        if (at >= 0) {
          var from = Math.max(0, at - 70);
          return (from > 0 ? '…' : '') + fields[k].slice(from, at + 110) + (at + 110 < fields[k].length ? '…' : '');
        }
      }
    }
    return fields[0].slice(0, 160) + (fields[0].length > 160 ? '…' : '');
  }

  /** Fills in the snippets whose texts are in hand; the others stay marked as pending. */
  function fillSnippets(outcome) {
    list.querySelectorAll('.search-snippet[data-pending]').forEach(function (node) {
      var fields = textsOf(+node.getAttribute('data-pending'));
      if (!fields) return;
      node.removeAttribute('data-pending');
      highlight(node, snippet(fields, outcome.terms), outcome.terms);
    });
  }

  function show(outcome, query) {
    list.textContent = '';
    active = -1;
    outcome.results.forEach(function (doc, k) {
      var a = document.createElement('a');
      a.href = root + doc.u;
      a.id = 'search-result-' + k;
      a.className = 'search-result';
      a.setAttribute('role', 'option');
      var title = document.createElement('span');
      title.className = 'search-title';
      highlight(title, doc.t, outcome.terms);
      var meta = document.createElement('span');
      meta.className = 'search-meta';
      meta.textContent = doc.s + ' · ' + doc.d;
      var text = document.createElement('span');
      text.className = 'search-snippet';
      text.setAttribute('data-pending', doc.n);
      a.appendChild(title);
      a.appendChild(meta);
      a.appendChild(text);
      list.appendChild(a);
    });
    var open = query.trim().length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    status.textContent = !open ? '' : outcome.results.length
      ? (outcome.total > outcome.results.length ? 'Top ' + outcome.results.length + ' of ' + outcome.total : outcome.total) + ' result' + (outcome.total === 1 ? '' : 's')
      : 'No incident matches "' + query + '"';
    fillSnippets(outcome);
    if (open && !outcome.results.length) {
      var none = document.createElement('p');
      none.className = 'search-none';
      none.textContent = status.textContent;
      list.appendChild(none);
    }
  }

  function move(step) {
    var items = list.querySelectorAll('.search-result');
    if (!items.length) return;
    if (active >= 0) items[active].classList.remove('active');
    active = (active + step + items.length) % items.length;
    items[active].classList.add('active');
    input.setAttribute('aria-activedescendant', items[active].id);
    items[active].scrollIntoView({ block: 'nearest' });
  }

  input.addEventListener('input', function () {
    var mine = ++generation;
    var query = input.value;
    search(query).then(function (outcome) {
      if (mine !== generation) return null;
      show(outcome, query);
      return outcome.texts && outcome.texts.then(function () { if (mine === generation) fillSnippets(outcome); });
    }).catch(function (e) { status.textContent = 'Search is unavailable: ' + e.message; });
  });
  input.addEventListener('focus', load);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { move(1); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { move(-1); e.preventDefault(); }
    else if (e.key === 'Enter') {
      var items = list.querySelectorAll('.search-result');
      var target = active >= 0 ? items[active] : items[0];
      if (target) { window.location.href = target.href; e.preventDefault(); }
    } else if (e.key === 'Escape') { input.value = ''; show({ results: [], terms: [] }, ''); }
  });
  document.addEventListener('keydown', function (e) {
    var tag = (document.activeElement && document.activeElement.tagName) || '';
    if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag)) { input.focus(); e.preventDefault(); }
  });
  document.addEventListener('click', function (e) {
    if (!box.contains(e.target)) { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
  });
})();
