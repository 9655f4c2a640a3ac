/* Code blocks: Material makes a block whose lines are wider than its box a Tab stop, so that the
   keyboard can scroll it, and takes the stop away when the block fits again. Such a stop needs a
   name, and a name of its own on the page: while it is one, the block is a region named for the
   code it holds and the heading it sits under (「YAML の例（事業のファイル）」, then その2 …).
   (Long lines are not wrapped: in YAML the indentation is the structure, and a wrapped line
   would start a new one.) */
(function () {
  "use strict";
  var KINDS = { yaml: "YAML の例", markdown: "Markdown の例", sh: "コマンドの例" };
  var HEADINGS = ".md-content :is(h1, h2, h3, h4, h5, h6)";

  function heading(code) {
    var found = null;
    document.querySelectorAll(HEADINGS).forEach(function (h) {
      if (h.compareDocumentPosition(code) & Node.DOCUMENT_POSITION_FOLLOWING) found = h;
    });
    return found ? found.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function label(code) {
    var language = /(?:^|\s)language-(\S+)/.exec(code.className);
    var kind = (language && KINDS[language[1]]) || "コードの例";
    var under = heading(code);
    return under ? kind + "（" + under + "）" : kind;
  }

  function nameAll() {
    var seen = {};
    document.querySelectorAll("pre > code").forEach(function (code) {
      if (!code.hasAttribute("tabindex")) {
        code.removeAttribute("role");
        code.removeAttribute("aria-label");
        return;
      }
      var base = label(code);
      seen[base] = (seen[base] || 0) + 1;
      code.setAttribute("role", "region");
      code.setAttribute("aria-label", seen[base] === 1 ? base : base + "その" + seen[base]);
    });
  }

  nameAll();
  new MutationObserver(nameAll).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["tabindex"] });
})();
