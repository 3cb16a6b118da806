// "/" anywhere on a staff page (outside a text field) puts the cursor in the search box at the top.
(function () {
  "use strict";
  var box = document.querySelector("[data-shortcut='/']");
  if (!box) return;
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (tag === "input" || tag === "textarea" || tag === "select" || e.target.isContentEditable) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
})();
