/* Progressive enhancement for tables: filter by column, sort by header, a scroll cue on tables
   wider than their region, and focus kept in sight inside them. Without JavaScript the full
   table is shown as is. */
(function () {
  "use strict";

  function text(cell) {
    return (cell.textContent || "").trim();
  }

  function numberKey(value) {
    // "①-3" and "1-10" sort by their numbers.
    return value.normalize("NFKC").replace(/\d+/g, function (digits) {
      return digits.padStart(6, "0");
    });
  }

  // A filter box names one or more targets (data-plan-filter="id id"). In a target, the items
  // are the elements marked data-filter-item (all rows of a plain table otherwise); an item
  // marked data-filter-follow is a further row of the one before and is not counted; a
  // data-filter-group is hidden when none of its items is shown.
  function setupFilter(box) {
    var targets = box.getAttribute("data-plan-filter").split(/\s+/).map(function (id) {
      return document.getElementById(id);
    }).filter(Boolean);
    if (!targets.length) return;
    var selects = box.querySelectorAll("select[data-filter-column]");
    var status = box.querySelector("[role=status]");
    function items(target) {
      var marked = target.querySelectorAll("[data-filter-item]");
      return Array.prototype.slice.call(marked.length ? marked : target.tBodies[0].rows);
    }
    function apply() {
      var total = 0, shown = 0;
      targets.forEach(function (target, index) {
        items(target).forEach(function (item) {
          var visible = Array.prototype.every.call(selects, function (select) {
            var wanted = select.value;
            if (!wanted) return true;
            var values = (item.getAttribute("data-" + select.getAttribute("data-filter-column")) || "").split("|");
            return values.indexOf(wanted) !== -1;
          });
          item.hidden = !visible;
          if (index === 0 && !item.hasAttribute("data-filter-follow")) {
            total += 1;
            if (visible) shown += 1;
          }
        });
        target.querySelectorAll("[data-filter-group]").forEach(function (group) {
          group.hidden = !group.querySelector("[data-filter-item]:not([hidden])");
        });
      });
      status.textContent = total + "件中 " + shown + "件を表示しています。";
    }
    Array.prototype.forEach.call(selects, function (select) {
      select.addEventListener("change", apply);
    });
    box.hidden = false;
  }

  function setupSort(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "plan-sort-button";
      button.textContent = text(th);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = text(a.cells[index]), y = text(b.cells[index]);
          if (kind === "number") { x = numberKey(x); y = numberKey(y); }
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // A table wider than its region says so above itself (the scroll cue), and the region is
  // then at most as tall as the screen, so that its horizontal scrollbar is always within reach.
  // Every region is measured before any is changed: a measurement after a change makes the
  // browser lay out the whole page again, once per table (a second on a page of 50 tables).
  var hintOf = new WeakMap();

  function updateScrollCues(regions) {
    var wide = regions.map(function (region) {
      return region.clientWidth > 0 && region.scrollWidth > region.clientWidth + 1;
    });
    regions.forEach(function (region, index) {
      region.classList.toggle("is-scrollable", wide[index]);
      hintOf.get(region).hidden = !wide[index];
      // A Tab stop only where the keyboard needs one, to scroll the table.
      if (wide[index]) region.setAttribute("tabindex", "0"); else region.removeAttribute("tabindex");
    });
  }

  function setupScrollCues(regions) {
    regions.forEach(function (region) {
      var hint = document.createElement("p");
      hint.className = "plan-scroll-hint";
      hint.hidden = true;
      hint.textContent = "この表は横に長いため、表の中を横にスクロールすると続きが見られます。";
      region.parentNode.insertBefore(hint, region);
      hintOf.set(region, hint);
    });
    updateScrollCues(regions);
    if (!window.ResizeObserver) return;
    var observer = new ResizeObserver(function (entries) {
      updateScrollCues(entries.map(function (entry) { return entry.target; }));
    });
    regions.forEach(function (region) { observer.observe(region); });
  }

  // Focus moved into a table region: the browser brings the element into the window, but not
  // always whole into the region, and never clear of the table's sticky parts. A link in the last
  // column of a phone's table stays cut off at the right edge; one in a later column, reached
  // from the right, slides under the row headings, and one reached from below under the heading
  // row. The region scrolls to show the element whole, clear of those, with its ring: at once,
  // and again once the browser has made its own scroll (the next frame).
  var RING = 8; // px kept clear beside the element for its focus ring

  function stuck(cell, side) {
    var style = getComputedStyle(cell);
    return style.position === "sticky" && style[side] !== "auto";
  }

  function clearArea(region, target) {
    var shown = region.getBoundingClientRect();
    var area = { left: shown.left + region.clientLeft, top: shown.top + region.clientTop };
    area.right = area.left + region.clientWidth;
    area.bottom = area.top + region.clientHeight;
    var cell = target.closest("td, th");
    if (!cell || !region.contains(cell)) return area;
    // Cells stuck at the left (row headings; a heading row's cells stick at the top only).
    for (var before = cell.previousElementSibling; before; before = before.previousElementSibling) {
      if (stuck(before, "left")) area.left = Math.max(area.left, before.getBoundingClientRect().right);
    }
    // The heading row's cells stick, not the thead: the lowest of them bounds the room above.
    var head = cell.closest("tbody") && region.querySelector("thead");
    var row = head && head.rows[head.rows.length - 1];
    var heading = row && row.cells[row.cells.length - 1];
    if (heading && stuck(heading, "top")) area.top = Math.max(area.top, heading.getBoundingClientRect().bottom);
    return area;
  }

  // How far to scroll so that start..end, with the ring, lies within low..high; a box larger
  // than the room keeps its start in view.
  function shift(start, end, low, high) {
    if (end + RING > high) return Math.min(end + RING - high, start - RING - low);
    if (start - RING < low) return start - RING - low;
    return 0;
  }

  // Where the room for an element starts (near) on one axis, given where it ends (far): beside the
  // headings. An element too large for that (a column widened by its heading) ends at the far
  // edge and passes under the headings in part, never whole, yet stays inside the region (edge).
  function roomStart(size, near, far, edge) {
    return size + 2 * RING <= far - near ? near : Math.max(edge, far - size - 2 * RING);
  }

  function reveal(region, target) {
    var box = target.getBoundingClientRect(), clear = clearArea(region, target), whole = clearArea(region, region);
    region.scrollLeft += shift(box.left, box.right, roomStart(box.width, clear.left, clear.right, whole.left), clear.right);
    region.scrollTop += shift(box.top, box.bottom, roomStart(box.height, clear.top, clear.bottom, whole.top), clear.bottom);
  }

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    var region = target.closest && target.closest(".plan-table-wrap");
    if (!region || region === target) return;
    reveal(region, target);
    window.requestAnimationFrame(function () {
      if (document.activeElement === target) reveal(region, target);
    });
  });

  function init() {
    setupScrollCues(Array.prototype.slice.call(document.querySelectorAll(".plan-table-wrap")));
    document.querySelectorAll("[data-plan-filter]").forEach(setupFilter);
    document.querySelectorAll("table[data-sortable]").forEach(setupSort);
  }

  // Material's instant navigation replaces the page without a load event.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
