/* Glossary tooltips: Esc hides the explanation that is showing until the pointer or focus
   leaves the term (WCAG 1.4.13); the CSS shows it on hover and focus. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".plan-term:hover, .plan-term:focus-within").forEach(function (term) {
      term.classList.add("is-dismissed");
    });
  });
  function reset(event) {
    var term = event.target.closest && event.target.closest(".plan-term");
    if (term && !term.contains(event.relatedTarget)) term.classList.remove("is-dismissed");
  }
  document.addEventListener("mouseout", reset);
  document.addEventListener("focusout", reset);
})();
