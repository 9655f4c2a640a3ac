/* The menu (the drawer on screens narrower than 1,220 px) and the section buttons of the
   navigation. Material keeps their state in hidden checkboxes (#__drawer and one per section)
   that its CSS reads; the buttons change those checkboxes and tell the state with aria-expanded.
   While the drawer is open on a narrow screen it behaves as a dialog: the rest of the page is
   inert, Esc and the close button shut it, and focus goes back to the menu button. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector("[data-plan-menu]");
  var panel = document.getElementById("plan-drawer");
  var narrow = window.matchMedia("(max-width: 76.234375em)");

  function setChecked(box, value) {
    if (box.checked === value) return;
    box.checked = value;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // Sections: the button beside or around a section's title opens and closes its list.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-plan-toggle]");
    if (!button) return;
    var box = document.getElementById(button.getAttribute("data-plan-toggle"));
    if (!box) return;
    setChecked(box, !box.checked);
    button.setAttribute("aria-expanded", String(box.checked));
  });

  // Material wraps each code block's copy button in a <nav>: one more unnamed landmark per
  // block. It is a group of one button, not navigation.
  function quietCodeNavs(root) {
    if (root.nodeType !== 1) return;
    if (root.matches("nav.md-code__nav")) root.setAttribute("role", "none");
    root.querySelectorAll("nav.md-code__nav").forEach(function (nav) { nav.setAttribute("role", "none"); });
  }
  quietCodeNavs(document.body);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) { change.addedNodes.forEach(quietCodeNavs); });
  }).observe(document.body, { childList: true, subtree: true });

  if (!drawer || !menu || !panel) return;
  var sidebar = panel.closest(".md-sidebar") || panel;
  var close = panel.querySelector("[data-plan-menu-close]");

  // Everything beside the drawer, at each level up to <body>, except what only the pointer uses
  // (the overlay that closes the drawer when tapped) and elements without content.
  function outside() {
    var found = [];
    for (var node = sidebar; node && node.parentElement && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling === node || /^(SCRIPT|STYLE|INPUT|LINK)$/.test(sibling.tagName) || sibling.classList.contains("md-overlay")) return;
        found.push(sibling);
      });
    }
    return found;
  }

  function sync() {
    var open = drawer.checked && narrow.matches;
    menu.setAttribute("aria-expanded", String(open));
    outside().forEach(function (element) { element.inert = open; });
  }

  function shut() {
    setChecked(drawer, false);
    menu.focus();
  }

  menu.addEventListener("click", function () {
    setChecked(drawer, true);
    sync();
    (close || panel).focus({ preventScroll: true });  // the drawer is still sliding in
  });
  if (close) close.addEventListener("click", shut);
  drawer.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked && narrow.matches) shut();
  });
  narrow.addEventListener("change", function () {
    if (!narrow.matches) setChecked(drawer, false);
    sync();
  });
  sync();
})();
