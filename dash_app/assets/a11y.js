// Accessible names the components cannot take as props (served from assets/: the CSP allows it).
// A Dash 4 dropdown names itself by its value (aria-labelledby="<id>-value-count <id>-value"):
// the <label for="<id>"> of the filter bar and the pages goes first, so it is announced as
// "Localidad, Todo el Distrito" rather than by its value alone.
(function () {
  function labelDropdowns() {
    document.querySelectorAll("label[for]").forEach(function (label) {
      var target = document.getElementById(label.htmlFor);
      if (!target || !target.classList.contains("dash-dropdown")) { return; }
      if (!label.id) { label.id = label.htmlFor + "-label"; }
      var current = (target.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
      if (current[0] !== label.id) {
        current = current.filter(function (part) { return part !== label.id; });
        target.setAttribute("aria-labelledby", [label.id].concat(current).join(" "));
      }
    });
  }
  // The dropdown takes keyboard focus on a hidden read-only input (aria-hidden yet focusable):
  // it is named like the dropdown instead, so what a keyboard reaches is announced.
  function nameFocusTargets() {
    document.querySelectorAll(".dash-dropdown-wrapper").forEach(function (wrapper) {
      var trigger = wrapper.querySelector(".dash-dropdown");
      var target = wrapper.querySelector(".dash-dropdown-focus-target");
      if (!trigger || !target) { return; }
      var names = trigger.getAttribute("aria-labelledby");
      if (target.getAttribute("aria-hidden") === "true") { target.removeAttribute("aria-hidden"); }
      if (names && target.getAttribute("aria-labelledby") !== names) {
        target.setAttribute("aria-labelledby", names);
      }
    });
  }
  // AG Grid: a header row with no header cell yet (a grid not laid out, an empty pinned side)
  // is no row; a scrolling body is reachable by keyboard (its first cell is in the tab order).
  function fixGrids() {
    // A grid below the fold waits to be scrolled to before it draws (ag-delay-render): until
    // then it holds no cell and is inert (hidden from assistive technology, out of the tab order).
    document.querySelectorAll(".ag-root").forEach(function (root) {
      var waiting = root.classList.contains("ag-delay-render");
      if (waiting && !root.hasAttribute("inert")) {
        root.setAttribute("inert", "");
        root.setAttribute("data-a11y-waiting", "1");
      } else if (!waiting && root.getAttribute("data-a11y-waiting")) {
        root.removeAttribute("inert");
        root.removeAttribute("data-a11y-waiting");
      }
    });
    document.querySelectorAll(".ag-header-row").forEach(function (row) {
      if (row.querySelector("[role=columnheader]")) {
        if (row.getAttribute("data-a11y-empty")) {
          row.removeAttribute("data-a11y-empty");
          row.removeAttribute("aria-hidden");
          row.setAttribute("tabindex", "0");
        }
      } else if (!row.getAttribute("data-a11y-empty")) {
        row.setAttribute("data-a11y-empty", "1");
        row.setAttribute("aria-hidden", "true");
        row.setAttribute("tabindex", "-1");
      }
    });
    document.querySelectorAll(".ag-body-viewport").forEach(function (body) {
      if (body.querySelector("[tabindex='0']")) { return; }
      var cell = body.querySelector("[role=gridcell]");  // the grid pattern: one cell in tab order
      if (cell) { cell.setAttribute("tabindex", "0"); }
    });
  }
  // A wide table scrolls sideways on a phone: the scrolling box is reachable by keyboard.
  function fixScrollingTables() {
    document.querySelectorAll(".table-responsive:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Tabla (desplazable)");
    });
  }
  // dcc.Upload's file input has no label: it is named by the drop zone's own text.
  function nameFileInputs() {
    document.querySelectorAll("input[type=file]:not([aria-label])").forEach(function (input) {
      var zone = input.parentElement;
      var text = zone ? zone.innerText.trim() : "";
      input.setAttribute("aria-label", text || "Elegir archivos para entregar");
    });
  }
  var queued = false;
  function schedule() {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () {
      queued = false;
      labelDropdowns();
      nameFocusTargets();
      fixGrids();
      fixScrollingTables();
      nameFileInputs();
    });
  }
  function start() {
    new MutationObserver(schedule).observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["aria-labelledby", "aria-hidden", "tabindex", "class"]
    });
    schedule();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
