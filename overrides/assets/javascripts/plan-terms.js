/* Glossary tooltips: the CSS shows the explanation on hover and focus, touching its term so the
   pointer can move onto it; here it is placed below the term, or above where the window has no
   room below, never over the term and never past the window's edges; Esc hides it until the
   pointer or focus leaves the term (WCAG 1.4.13).
   The explanation is wider than its term, so a pointer heading for its middle crosses the text
   beside the term: it stays shown for LINGER ms after the pointer leaves the term, long enough to
   reach it on a straight path, and goes at once when another term's explanation opens. */
(function () {
  "use strict";
  var MARGIN = 8;
  var LINGER = 600;
  function place(term) {
    var tip = term.querySelector(".plan-term__tip");
    if (!tip) return;
    tip.classList.remove("is-above");
    tip.style.left = "";
    var box = tip.getBoundingClientRect();
    if (!box.width) return;  // not shown (dismissed)
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var word = term.getBoundingClientRect();
    if (box.bottom > window.innerHeight - MARGIN && word.top - box.height >= top + MARGIN) tip.classList.add("is-above");
    var shift = 0;
    if (box.right > window.innerWidth - MARGIN) shift = window.innerWidth - MARGIN - box.right;
    if (box.left + shift < MARGIN) shift = MARGIN - box.left;
    if (shift) tip.style.left = shift + "px";
  }
  function stopLingering() {
    document.querySelectorAll(".plan-term.is-lingering").forEach(function (term) {
      term.classList.remove("is-lingering");
      clearTimeout(term.lingering);
    });
  }
  function show(event) {
    var term = event.target.closest && event.target.closest(".plan-term");
    if (!term || term.contains(event.relatedTarget)) return;
    var shown = term.classList.contains("is-lingering");  // the pointer came back: it stays where it is
    stopLingering();
    if (!shown) place(term);
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  // An explanation shown while the page or a table region scrolls (a smooth scroll still under way
  // when the term got focus, a table brought sideways to its focused term, or the reader
  // scrolling) is placed again, once a frame, so it stays inside the window. Element scrolls do
  // not bubble: they are heard in the capture phase.
  var replacing = false;
  function placeShown() {
    replacing = false;
    document.querySelectorAll(".plan-term:hover, .plan-term:focus-within, .plan-term.is-lingering").forEach(place);
  }
  function replace() {
    if (!replacing) { replacing = true; window.requestAnimationFrame(placeShown); }
  }
  document.addEventListener("scroll", replace, { capture: true, passive: true });
  window.addEventListener("resize", replace);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".plan-term:hover, .plan-term:focus-within, .plan-term.is-lingering").forEach(function (term) {
      term.classList.add("is-dismissed");
    });
    stopLingering();
  });
  function left(event) {
    var term = event.target.closest && event.target.closest(".plan-term");
    return term && !term.contains(event.relatedTarget) ? term : null;
  }
  document.addEventListener("mouseout", function (event) {
    var term = left(event);
    if (!term) return;
    if (!term.classList.contains("is-dismissed")) {
      term.classList.add("is-lingering");
      term.lingering = setTimeout(function () { term.classList.remove("is-lingering"); }, LINGER);
    }
    term.classList.remove("is-dismissed");
  });
  document.addEventListener("focusout", function (event) {
    var term = left(event);
    if (term) term.classList.remove("is-dismissed");
  });
})();
