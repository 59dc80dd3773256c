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
  var queued = false;
  function schedule() {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; labelDropdowns(); });
  }
  function start() {
    new MutationObserver(schedule).observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["aria-labelledby"]
    });
    schedule();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
