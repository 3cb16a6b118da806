// Keyboard shortcuts for reviewers: n = next case, j / k = next / previous flagged span.
(function () {
  "use strict";
  var hits = Array.prototype.slice.call(document.querySelectorAll("mark.hit"));
  var current = -1;
  function focusHit(i) {
    if (!hits.length) return;
    current = (i + hits.length) % hits.length;
    hits.forEach(function (h) { h.classList.remove("current"); });
    hits[current].classList.add("current");
    hits[current].scrollIntoView({ block: "center", behavior: "smooth" });
  }
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "n") {
      var form = document.getElementById("next-case-form");
      if (form) { e.preventDefault(); form.submit(); }
    } else if (e.key === "j") { e.preventDefault(); focusHit(current + 1); }
    else if (e.key === "k") { e.preventDefault(); focusHit(current - 1); }
  });
})();
