// "/" anywhere on a staff page (outside a text field) puts the cursor in the search box at the top.
// The footer's checkbox turns every single-key shortcut off (WCAG 2.1.4: speech input and stray keys
// must not trigger them); the choice is kept with the account (POST /account/shortcuts) and the page says it in
// <body data-shortcuts>, read by app.js as well.
(function () {
  "use strict";
  var OLD_KEY = "backoffice.shortcuts";  // where this browser kept the choice before it went to the account
  function shortcutsOn() { return document.body.dataset.shortcuts !== "off"; }
  var toggle = document.getElementById("shortcuts-toggle");
  function save(on) {
    document.body.dataset.shortcuts = on ? "on" : "off";
    toggle.checked = on;
    var data = new FormData(toggle.form);
    if (!on) data.delete("shortcuts");
    fetch(toggle.form.action, { method: "POST", body: data, credentials: "same-origin",
                                headers: { "X-Requested-With": "fetch" } });
  }
  if (toggle) {
    toggle.addEventListener("change", function () { save(toggle.checked); });
    try {  // a choice made in this browser before: carry it over to the account once
      if (window.localStorage.getItem(OLD_KEY) === "off" && shortcutsOn()) save(false);
      window.localStorage.removeItem(OLD_KEY);
    } catch (e) { /* private mode */ }
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
