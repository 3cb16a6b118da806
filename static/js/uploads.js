// Refuse a file over the size limit before it is sent (a phone on a slow line should not upload
// 30 MB to be told no). The server checks every file again; this only saves the wait.
(function () {
  "use strict";
  function tooBig(input) {
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var size = String(Math.round(max / 1048576));
    return Array.prototype.filter.call(input.files || [], function (f) { return f.size > max; })
      .map(function (f) {
        return input.getAttribute("data-too-big").replace("{file}", f.name).replace("{size}", size);
      });
  }
  function show(input) {
    var warning = input.parentNode.querySelector(".upload-warning");
    var problems = tooBig(input);
    warning.textContent = problems.join(" ");
    warning.hidden = problems.length === 0;
    return problems.length === 0;
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-max-bytes]"), function (input) {
    input.addEventListener("change", function () { show(input); });
    if (input.form) {
      input.form.addEventListener("submit", function (e) {
        if (!show(input)) { e.preventDefault(); input.focus(); }
      });
    }
  });
})();
