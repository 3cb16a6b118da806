// Keyboard shortcuts for reviewers: n = next case, j / k = next / previous flagged span,
// u = undo the decision just taken, 1-9 = the canned reason of that number (then Enter confirms).
// They can be turned off with the footer's checkbox (WCAG 2.1.4), kept with the account (search.js).
(function () {
  "use strict";
  function shortcutsOn() { return document.body.dataset.shortcuts !== "off"; }
  var hits = Array.prototype.slice.call(document.querySelectorAll("mark.hit"));
  var current = -1;
  function focusHit(i) {
    if (!hits.length) return;
    current = (i + hits.length) % hits.length;
    hits.forEach(function (h) { h.classList.remove("current"); });
    hits[current].classList.add("current");
    hits[current].focus({ preventScroll: true });  // tabindex=-1: a screen reader reads the span
    hits[current].scrollIntoView({ block: "center", behavior: "smooth" });
  }
  function submit(id) {
    var form = document.getElementById(id);
    if (form) { form.submit(); return true; }
    return false;
  }
  // A canned reason: its verdict and severity chosen, its text (placeholders filled in by the server)
  // put in the reasons box, still editable; focus goes to "Confirm decision" so that Enter confirms.
  function useCanned(button) {
    var form = document.getElementById("decision-form");
    if (!form || !button) return false;
    var verdict = form.querySelector("input[name=verdict][value='" + button.dataset.verdict + "']");
    if (verdict) verdict.checked = true;
    var severity = form.querySelector("select[name=severity]");
    if (severity && button.dataset.severity) severity.value = button.dataset.severity;
    var text = form.querySelector("textarea[name=rationale]");
    if (text) text.value = button.dataset.text;
    var confirm = form.querySelector("button[name=action][value=confirm]");
    if (confirm) confirm.focus();
    return true;
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button.canned") : null;
    if (button) { e.preventDefault(); useCanned(button); }
  });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.isContentEditable || !shortcutsOn()) return;
    if (e.key === "n") {
      if (submit("next-case-form")) e.preventDefault();
    } else if (e.key === "u") {
      if (submit("undo-form")) e.preventDefault();
    } else if (/^[1-9]$/.test(e.key)) {
      if (useCanned(document.querySelector("button.canned[data-key='" + e.key + "']"))) e.preventDefault();
    } else if (e.key === "j") { e.preventDefault(); focusHit(current + 1); }
    else if (e.key === "k") { e.preventDefault(); focusHit(current - 1); }
  });
  // After a round trip the form shows what needs attention: the first field in error, else (after
  // Preview) the decision's next step, rather than the top of the page (Tab would take 25 presses).
  var form = document.getElementById("decision-form");
  if (form) {
    var invalid = form.querySelector("[aria-invalid=true]");
    var preview = form.querySelector(".preview");
    var reasons = form.querySelector("textarea[name=rationale]");
    var confirmButton = form.querySelector("button[name=action][value=confirm]");
    if (invalid) invalid.focus();
    else if (preview && reasons && !reasons.value.trim()) reasons.focus();
    else if (preview && confirmButton) {
      preview.scrollIntoView({ block: "start" });
      confirmButton.focus({ preventScroll: true });
    }
  }
  // The undo button goes once its window has passed (the server refuses it then anyway).
  Array.prototype.forEach.call(document.querySelectorAll(".undo-until[data-until]"), function (el) {
    var left = new Date(el.dataset.until).getTime() - Date.now();
    setTimeout(function () {
      var form = el.closest("form");
      if (form) form.remove();
    }, Math.max(left, 0));
  });
})();
