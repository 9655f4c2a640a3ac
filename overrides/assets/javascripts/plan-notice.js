/* The public comment notice follows the reader's date (in Japan), so a page built during the
   period says it has ended once it has, even if nobody rebuilt the site. Also makes the
   "意見の対象" reference copyable. Without JavaScript the text as of the build day shows. */
(function () {
  "use strict";

  function todayInJapan() {
    var now = new Date(Date.now() + 9 * 60 * 60 * 1000);
    return now.toISOString().slice(0, 10);
  }

  // Each element with data-phase follows the period of its own (or nearest enclosing) data-comment-end.
  function showPhase(element, today) {
    var scope = element.closest("[data-comment-end]");
    if (!scope) return;
    var start = scope.getAttribute("data-comment-start");
    var end = scope.getAttribute("data-comment-end");
    var phase = today < start ? "upcoming" : today <= end ? "open" : "closed";
    element.hidden = element.getAttribute("data-phase").split(" ").indexOf(phase) === -1;
  }

  function setupCopy(button) {
    var source = document.getElementById(button.getAttribute("data-copy-from"));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = "コピーしました";
      });
    });
  }

  function init() {
    var today = todayInJapan();
    document.querySelectorAll("[data-phase]").forEach(function (element) { showPhase(element, today); });
    document.querySelectorAll("button[data-copy-from]").forEach(setupCopy);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
