// Directory of partners: a search box over the area list (progressive enhancement: without
// JavaScript the box stays hidden and the list works as it is).
(function () {
  function norm(text) {
    return text.toLocaleLowerCase("id").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function setUp(box) {
    var select = document.getElementById(box.dataset.filterFor);
    if (!select) return;
    box.hidden = false;
    // The box filters the list only: it neither submits the search nor refreshes the results.
    box.addEventListener("change", function (event) { event.stopPropagation(); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
    box.addEventListener("input", function () {
      var words = norm(box.value).split(/\s+/).filter(Boolean);
      select.querySelectorAll("option").forEach(function (option) {
        if (!option.value || option.selected) { option.hidden = false; return; }
        var text = norm(option.textContent + " " + (option.parentElement.label || ""));
        option.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      select.querySelectorAll("optgroup").forEach(function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-filter-for]").forEach(setUp);
  });
})();
