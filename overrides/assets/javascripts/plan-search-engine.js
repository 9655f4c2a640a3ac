/* サイト内検索: how pages answer a query, and how a result is shown. plan-search.js loads this
   file with the index the first time the search dialog opens, so that a page that is only read
   does not carry it. Text is compared after the same folding as macros/search/normalise.py:
   full-width ASCII to ASCII, katakana to hiragana, small kana to large, dashes to "-", A-Z to
   a-z. The folding keeps every UTF-16 code unit in place, so offsets found in the folded text
   mark the matched words in the text shown. A word is found anywhere, also in the middle of a
   longer word; a word that is not found as typed still counts when most of its two-character
   pieces are. */
(function () {
  "use strict";

  var FUZZY_SHARE = 0.66; // share of a word a page must hold when it does not hold all of it
  var WEIGHT = { title: 10, keywords: 8, path: 2 };
  var SMALL = { "ぁ": "あ", "ぃ": "い", "ぅ": "う", "ぇ": "え", "ぉ": "お", "っ": "つ", "ゃ": "や", "ゅ": "ゆ", "ょ": "よ", "ゎ": "わ", "ゕ": "か", "ゖ": "け" };
  var DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212";

  function foldChar(c) {
    var code = c.charCodeAt(0);
    if (code >= 0xFF01 && code <= 0xFF5E) { code -= 0xFEE0; c = String.fromCharCode(code); }
    if (code >= 0x41 && code <= 0x5A) return String.fromCharCode(code + 32);
    if (code >= 0x30A1 && code <= 0x30F6) c = String.fromCharCode(code - 0x60);
    if (SMALL[c]) return SMALL[c];
    if (DASHES.indexOf(c) >= 0) return "-";
    if (code === 0x3000) return " ";
    return c;
  }

  var FOLDED = /[A-Z\uFF01-\uFF5E\u30A1-\u30F6\u3000\u2010-\u2015\u2212ぁぃぅぇぉっゃゅょゎゕゖ]/g; // what foldChar changes

  function fold(text) {
    return text.replace(FOLDED, foldChar);
  }

  function displayForm(text) {
    return text.replace(/[\uFF61-\uFF9F]+/g, function (run) { return run.normalize("NFKC"); });
  }

  function queryWords(query) {
    return fold(displayForm(query)).split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function pieces(word) {
    var found = [];
    for (var i = 0; i + 1 < word.length; i++) if (found.indexOf(word.substr(i, 2)) < 0) found.push(word.substr(i, 2));
    return found;
  }

  function count(haystack, needle, limit) {
    var n = 0, at = haystack.indexOf(needle);
    while (at >= 0 && n < limit) { n++; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  // --- the index -------------------------------------------------------------------------------

  function prepare(rows) {
    return rows.map(function (row) {
      var path = row[3];
      return {
        url: row[0], title: row[1], plan: row[2], path: path, text: row[5],
        folded: { title: fold(row[1]), path: fold(path.join("\n")), keywords: fold(row[4]), text: fold(row[5]) }
      };
    });
  }

  /* How well one record answers one word; 0 when it does not. Exact matches in the title and
     keywords (item numbers, 主管課, 別表記) rank first; a title that starts with the word or is
     the word ranks higher still (①-3, EBPM). The body counts with diminishing weight. */
  function wordScore(record, word) {
    var f = record.folded, score = 0;
    for (var field in WEIGHT) if (f[field].indexOf(word) >= 0) score += WEIGHT[field];
    if (f.title.indexOf(word) === 0) score += 5;
    if (f.title === word || ("\n" + f.keywords + "\n").indexOf("\n" + word + "\n") >= 0) score += 10;
    var hits = count(f.text, word, 50);
    if (hits) score += 1 + Math.log(hits) / Math.LN2;
    return score || (word.length < 3 ? 0 : nearScore(record, word));
  }

  /* A word not found as typed (a typo, other okurigana): in the short fields, most of its
     two-character pieces; in the body, most of the word in one piece, so that pieces scattered
     over a long page do not count. Always below an exact match in the same field. */
  function nearScore(record, word) {
    var f = record.folded, parts = pieces(word), best = 0;
    ["title", "keywords"].forEach(function (field) {
      var held = parts.filter(function (p) { return f[field].indexOf(p) >= 0; }).length / parts.length;
      if (held >= FUZZY_SHARE) best = Math.max(best, held * WEIGHT[field] / 2);
    });
    for (var length = word.length - 1; !best && length >= Math.ceil(word.length * FUZZY_SHARE); length--) {
      for (var start = 0; start + length <= word.length; start++) {
        if (f.text.indexOf(word.substr(start, length)) >= 0) { best = length / word.length; break; }
      }
    }
    return best;
  }

  function search(records, query) {
    var words = queryWords(query);
    if (!words.length) return [];
    var found = [];
    records.forEach(function (record, order) {
      var total = 0;
      for (var i = 0; i < words.length; i++) {
        var s = wordScore(record, words[i]);
        if (!s) return;
        total += s;
      }
      found.push({ record: record, score: total, order: order });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.map(function (f) { return f.record; });
  }

  // --- showing results -------------------------------------------------------------------------

  /* The text with every occurrence of the words wrapped in <mark>, built as DOM nodes (no HTML
     from the index is ever parsed). */
  function highlighted(text, folded, words, into) {
    var spans = [];
    words.forEach(function (w) {
      for (var at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length)) spans.push([at, at + w.length]);
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos) return;
      into.appendChild(document.createTextNode(text.slice(pos, s[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      into.appendChild(mark);
      pos = s[1];
    });
    into.appendChild(document.createTextNode(text.slice(pos)));
    return into;
  }

  function excerpt(record, words) {
    var folded = record.folded.text, at = -1;
    words.forEach(function (w) { var i = folded.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
    var start = Math.max(0, at - 30), end = Math.min(folded.length, start + 110);
    var p = document.createElement("p");
    p.className = "plan-search__excerpt";
    if (start > 0) p.appendChild(document.createTextNode("…"));
    highlighted(record.text.slice(start, end), folded.slice(start, end), words, p);
    if (end < folded.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  function resultItem(record, words, base) {
    var li = document.createElement("li");
    li.className = "plan-search__result";
    var a = document.createElement("a");
    a.href = base + record.url;
    a.className = "plan-search__link";
    highlighted(record.title, record.folded.title, words, a);
    li.appendChild(a);
    var trail = record.path.length ? record.path : record.plan ? [record.plan] : [];
    if (trail.length) {
      var where = document.createElement("p");
      where.className = "plan-search__where";
      var label = document.createElement("span");
      label.className = "plan-sr-only";
      label.textContent = "場所：";
      where.appendChild(label);
      where.appendChild(document.createTextNode(trail.join(" › ")));
      li.appendChild(where);
    }
    if (record.text) li.appendChild(excerpt(record, words));
    return li;
  }

  window.planSearchEngine = { fold: fold, displayForm: displayForm, queryWords: queryWords, prepare: prepare,
                              search: search, resultItem: resultItem };
})();
