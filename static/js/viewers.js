// "Also viewing": the case page tells the server every 20 s that it is open, and lists the other staff
// the server saw on the same case within the last 45 s. The line is set as text, never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("case-viewers");
  if (!box || !window.fetch) return;
  var names = box.querySelector(".viewers-names");
  var every = 20000;
  var timer = null;
  var busy = false;

  function schedule() {
    if (timer === null && !busy && !document.hidden) timer = window.setTimeout(ping, every);
  }

  function ping() {
    timer = null;
    busy = true;
    fetch(box.dataset.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": box.dataset.csrf, "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (body) {
      names.textContent = body.text || "";
      box.hidden = !(body.viewers && body.viewers.length);
      if (body.every) every = body.every * 1000;
    }).catch(function () {
      // A lost ping (network, signed out) keeps the last line and tries again at the next turn.
    }).then(function () {
      busy = false;
      schedule();
    });
  }

  // A tab in the background stops pinging (and so drops off the others' lists); back in front, at once.
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      if (timer !== null) { window.clearTimeout(timer); timer = null; }
    } else if (timer === null && !busy) {
      ping();
    }
  });
  ping();
})();
