/* Code blocks: Material makes a block whose lines are wider than its box a Tab stop, so that the
   keyboard can scroll it, and takes the stop away when the block fits again. Such a stop needs a
   name: while it is one, the block is a region named for the code it holds. (Long lines are not
   wrapped: in YAML the indentation is the structure, and a wrapped line would start a new one.) */
(function () {
  "use strict";
  var NAMES = { yaml: "YAML の例", markdown: "Markdown の例", sh: "コマンドの例" };

  function name(code) {
    if (!code.matches("pre > code")) return;
    if (code.hasAttribute("tabindex")) {
      var language = /(?:^|\s)language-(\S+)/.exec(code.className);
      code.setAttribute("role", "region");
      code.setAttribute("aria-label", (language && NAMES[language[1]]) || "コードの例");
    } else {
      code.removeAttribute("role");
      code.removeAttribute("aria-label");
    }
  }

  document.querySelectorAll("pre > code").forEach(name);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) { name(change.target); });
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["tabindex"] });
})();
