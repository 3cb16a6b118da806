// "/" anywhere on a staff page (outside a text field) puts the cursor in the search box at the top.
// The footer's checkbox turns every single-key shortcut off (WCAG 2.1.4: speech input and stray keys
// must not trigger them); the choice is kept in this browser's localStorage, read by app.js as well.
(function () {
  "use strict";
  var KEY = "backoffice.shortcuts";
  function shortcutsOn() {
    try { return window.localStorage.getItem(KEY) !== "off"; } catch (e) { return true; }
  }
  var toggle = document.getElementById("shortcuts-toggle");
  if (toggle) {
    toggle.checked = shortcutsOn();
    toggle.addEventListener("change", function () {
      try { window.localStorage.setItem(KEY, toggle.checked ? "on" : "off"); } catch (e) { /* private mode */ }
    });
  }
  var box = document.querySelector("[data-shortcut='/']");
  if (!box) return;
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || !shortcutsOn()) return;
    if (tag === "input" || tag === "textarea" || tag === "select" || e.target.isContentEditable) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
})();
