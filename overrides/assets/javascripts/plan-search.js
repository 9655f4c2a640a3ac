/* サイト内検索: the dialog. The header's button opens it; the first time, the engine
   (plan-search-engine.js) and the index (search/plan-search-index.js, written at build time by
   macros/search/) are loaded with <script> tags, in that order, so search works from file://
   too. */
(function () {
  "use strict";

  var FORMAT = 1; // macros/search/index.py FORMAT
  var SHOWN = 20;

  var dialog = document.getElementById("plan-search");
  var opener = document.querySelector(".plan-search__open");
  if (!dialog || !opener || typeof dialog.showModal !== "function") return;
  var input = dialog.querySelector(".plan-search__input");
  var status = dialog.querySelector(".plan-search__status");
  var list = dialog.querySelector(".plan-search__results");
  var indexUrl = dialog.getAttribute("data-index"), engineUrl = dialog.getAttribute("data-engine");
  var base = indexUrl.replace(/search\/plan-search-index\.js$/, "");
  var engine = null, records = null, loading = false, timer = null;

  window.planSearchIndex = function (data) {
    engine = window.planSearchEngine;
    if (!engine || !data || data.format !== FORMAT) return failed();
    records = engine.prepare(data.records);
    window.planSearch = { fold: engine.fold, displayForm: engine.displayForm, search: function (query) { return engine.search(records, query); } };
    loading = false;
    if (input.value.trim()) run(); else say("");
  };

  function failed() {
    loading = false;
    say("検索の索引を読み込めませんでした。ページを読み込み直すか、左のメニューや各計画の「事業一覧」からページを探してください。");
  }

  function say(message) { status.textContent = message; }

  function load() {
    if (records || loading) return;
    loading = true;
    say("検索の準備をしています…");
    [engineUrl, indexUrl].forEach(function (url) {
      var script = document.createElement("script");
      script.src = url;
      script.async = false; // run in the order added: the index's callback needs the engine
      script.onerror = failed;
      document.head.appendChild(script);
    });
  }

  function run() {
    list.textContent = "";
    var query = input.value.trim();
    if (!query) return say("");
    if (!records) return load();
    var words = engine.queryWords(query), results = engine.search(records, query);
    if (!results.length) {
      return say("「" + query + "」に当てはまるページは見つかりませんでした。言葉を短くするか、別の言い方で探してください。");
    }
    results.slice(0, SHOWN).forEach(function (r) { list.appendChild(engine.resultItem(r, words, base)); });
    say("「" + query + "」に当てはまるページが " + results.length + " 件あります" +
        (results.length > SHOWN ? "。よく当てはまる順に " + SHOWN + " 件を表示しています。" : "。"));
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  var header = document.querySelector(".md-header__inner");
  if (header) header.appendChild(opener);
  opener.hidden = false;
  opener.setAttribute("aria-label", "サイト内検索");
  opener.addEventListener("click", function () {
    dialog.showModal();
    input.focus();
    load();
  });
  dialog.querySelector(".plan-search__close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () { opener.focus(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
    else if (event.target.closest && event.target.closest(".plan-search__link")) dialog.close(); // e.g. a term on this page
  });
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  // ↓ from the search box goes to the first result; ↑ and ↓ move between results.
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var all = links(), at = all.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === "ArrowDown" && all.length) all[0].focus();
    else if (at >= 0) (all[at + (event.key === "ArrowDown" ? 1 : -1)] || input).focus();
    else return;
    event.preventDefault();
  });
})();
