/* Quick exit: replace this page with a neutral site so that Back does not return here.
   Without JavaScript the button is a plain link to the same site. Shortcut: Escape. */
(function () {
  "use strict";
  function leave(url) {
    try { document.body.textContent = ""; } catch (e) { /* ignore */ }
    window.location.replace(url);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var link = document.getElementById("quick-exit");
    if (!link) { return; }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      leave(link.href);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") { leave(link.href); }
    });
  });
})();
