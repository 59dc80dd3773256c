// Presentation mode on a projector (served from assets/: the CSP allows it).
// Keys, only while the shell is in presentation mode and no text field has the focus:
//   → PageDown Space  next slide        ← PageUp  previous slide
//   Home End          first / last      f         full screen on / off
//   r                 back to the slide as it was framed (after changing a filter)
//   Esc               leave presentation mode
// The slides are the agenda of a committee session (#slide-deck, data-slides = JSON list of
// links) or, outside a session, the pages of the menu in their order. Space never toggles the
// mode off: it is taken before a focused button can turn it into a click.
// Charts get projector type: every font at least 20 px (titles 26 px), put back on leaving.
(function () {
  var BIG = { base: 20, title: 26 };

  function presenting() {
    var shell = document.getElementById("shell-root");
    return !!shell && shell.classList.contains("presentation");
  }

  var DROPDOWN_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", " ", "Enter", "Escape"];

  function typing(target, key) {
    if (!target) { return false; }
    if (target.isContentEditable) { return true; }
    var tag = (target.tagName || "").toLowerCase();
    if (tag === "textarea" || tag === "select") { return true; }
    if (tag === "input") {
      var kind = (target.type || "text").toLowerCase();
      return ["button", "checkbox", "radio", "submit", "reset"].indexOf(kind) < 0 &&
        !target.classList.contains("dash-dropdown-focus-target");
    }
    // An open dropdown keeps every key; a closed one holding the focus keeps the keys that
    // open or move it (r, f, Home, End and the page keys still work there).
    if (document.querySelector(".dash-dropdown-content")) { return true; }
    var inDropdown = !!target.closest &&
      !!target.closest(".dash-dropdown-wrapper, .dash-dropdown-content, [role=listbox]");
    return inDropdown && DROPDOWN_KEYS.indexOf(key) >= 0;
  }

  var STORE = "tablero-slide-deck";

  function stored() {
    try { return JSON.parse(window.sessionStorage.getItem(STORE) || "null"); }
    catch (err) { return null; }
  }

  function remember(d) {
    try { window.sessionStorage.setItem(STORE, JSON.stringify(d)); } catch (err) { /* private */ }
  }

  // A session's slide (#slide-deck) sets the deck; on the pages it opens, the deck is the one
  // remembered for this tab, so → goes on with the agenda and r comes back to the slide.
  function deck() {
    var holder = document.getElementById("slide-deck");
    if (holder && holder.dataset.slides) {
      try {
        var d = {
          slides: JSON.parse(holder.dataset.slides),
          index: parseInt(holder.dataset.index || "0", 10) || 0,
        };
        remember(d);
        return d;
      } catch (err) { return null; }
    }
    var kept = stored();
    if (kept && kept.slides && kept.slides.length) { return kept; }
    var links = Array.prototype.slice.call(document.querySelectorAll(".navbar a.nav-link[href]"));
    var slides = links.map(function (a) { return a.getAttribute("href"); });
    var here = window.location.pathname;
    var index = links.findIndex(function (a) { return a.pathname === here; });
    return { slides: slides, index: index < 0 ? 0 : index, menu: true };
  }

  function go(href) {
    if (!href) { return; }
    // A new slide starts with no control holding the focus (its keys would keep the arrows).
    if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
    // Through Dash's router (no reload): history entry + popstate, as a menu link does.
    window.history.pushState({}, "", href);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }

  function step(delta, absolute) {
    var d = deck();
    if (!d || !d.slides.length) { return; }
    var target = absolute === undefined ? d.index + delta : absolute;
    target = Math.max(0, Math.min(d.slides.length - 1, target));
    if (target === d.index && absolute === undefined) { return; }
    if (!d.menu) { remember({ slides: d.slides, index: target }); }
    go(d.slides[target]);
  }

  // Esc: the same page without presentation mode (the URL holds the mode), out of full screen.
  function leave() {
    try { window.sessionStorage.removeItem(STORE); } catch (err) { /* private */ }
    if (document.fullscreenElement) { document.exitFullscreen().catch(function () { return null; }); }
    var params = new URLSearchParams(window.location.search);
    params.delete("presentacion");
    var query = params.toString();
    go(window.location.pathname + (query ? "?" + query : ""));
  }

  function toggleFullScreen() {
    if (document.fullscreenElement) { document.exitFullscreen().catch(function () { return null; }); }
    else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { return null; });
    }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!presenting() || event.altKey || event.ctrlKey || event.metaKey || typing(target, event.key)) {
      return;
    }
    var key = event.key;
    var handled = true;
    if (key === "ArrowRight" || key === "PageDown" || key === " " || key === "Spacebar") { step(1); }
    else if (key === "ArrowLeft" || key === "PageUp") { step(-1); }
    else if (key === "Home") { step(0, 0); }
    else if (key === "End") { var d = deck(); step(0, d ? d.slides.length - 1 : 0); }
    else if (key === "f" || key === "F") { toggleFullScreen(); }
    else if (key === "r" || key === "R") {
      var current = deck();
      if (current && current.slides.length) { go(current.slides[current.index]); }
    } else if (key === "Escape") { leave(); }
    else { handled = false; }
    if (handled) { event.preventDefault(); event.stopPropagation(); }
  }, true);

  // A click on the mode's button leaves no focus behind for Space or Enter to press again.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#presentation-toggle");
    if (button) { window.setTimeout(function () { button.blur(); }, 0); }
  }, true);

  // A refused update (a chart replaced meanwhile) is tried again on the next look.
  function settle(gd, promise) {
    if (promise && promise.catch) { promise.catch(function () { delete gd.dataset.projector; }); }
  }

  function fontSize(font) { return (font && font.size) || 12; }

  function enlarge(gd) {
    var layout = gd.layout || {};
    if (gd.dataset.projector === "1" && fontSize(layout.font) >= BIG.base) { return; }
    var annotations = layout.annotations || [];
    if (gd.dataset.projector !== "1") {
      gd._projectorBackup = {
        font: fontSize(layout.font),
        title: layout.title && layout.title.font ? layout.title.font.size : null,
        subtitle: layout.title && layout.title.subtitle && layout.title.subtitle.font
          ? layout.title.subtitle.font.size : null,
        hover: layout.hoverlabel && layout.hoverlabel.font ? layout.hoverlabel.font.size : null,
        annotations: annotations.map(function (a) { return fontSize(a.font); }),
      };
    }
    var update = {
      "font.size": BIG.base,
      "title.font.size": BIG.title,
      "title.subtitle.font.size": BIG.base,
      "hoverlabel.font.size": BIG.base,
      "legend.font.size": BIG.base,
    };
    annotations.forEach(function (_a, i) { update["annotations[" + i + "].font.size"] = BIG.base; });
    gd.dataset.projector = "1";
    settle(gd, window.Plotly.relayout(gd, update));
  }

  function restore(gd) {
    var backup = gd._projectorBackup;
    delete gd.dataset.projector;
    if (!backup) { return; }
    var update = {
      "font.size": backup.font,
      "title.font.size": backup.title,
      "title.subtitle.font.size": backup.subtitle,
      "hoverlabel.font.size": backup.hover,
      "legend.font.size": null,
    };
    (gd.layout.annotations || []).forEach(function (_a, i) {
      update["annotations[" + i + "].font.size"] = backup.annotations[i] || 12;
    });
    gd._projectorBackup = null;
    settle(gd, window.Plotly.relayout(gd, update));
  }

  var pending = null;
  function projectorType() {
    pending = null;
    if (!window.Plotly) { return; }
    var on = presenting();
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (!gd.layout) { return; }
      try {  // one chart that refuses an update must not leave the others small
        if (on) { enlarge(gd); } else if (gd.dataset.projector === "1") { restore(gd); }
      } catch (err) { delete gd.dataset.projector; }
    });
  }
  // A chart redrawn without a visible DOM change would keep its small type: look again each
  // second while presenting (cheap: a chart already enlarged is left alone).
  window.setInterval(function () { if (presenting() && !pending) { projectorType(); } }, 1000);
  new MutationObserver(function () {
    if (!pending) { pending = window.setTimeout(projectorType, 120); }
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["class"],
  });
})();
