// Optional: plays the skills game without page reloads. Each tap is posted as the form
// would be, and the next card (the page the server answers with) replaces the current one.
// Without this script the same form posts and the browser loads the next card itself.
(function () {
  "use strict";
  var busy = false;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-game") || !window.fetch) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    var body = new URLSearchParams(new FormData(form, event.submitter));
    fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      if (!response.ok) throw new Error("status " + response.status);
      return response.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      var game = next.getElementById("game");
      var current = document.getElementById("game");
      if (!game || !current) throw new Error("no game on the page");
      current.replaceWith(game);
      document.title = next.title;
      var heading = game.querySelector("h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    }).catch(function () {
      // Fall back to an ordinary post, which shows the server's own page or error.
      form.removeAttribute("data-game");
      if (event.submitter) event.submitter.click(); else form.submit();
    }).then(function () {
      busy = false;
    });
  });
})();
