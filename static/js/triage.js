// The triage form (report page): shows the quick checklist's suggestion while boxes are ticked
// and says when the chosen level needs a reason. The server decides the same way (and without
// JavaScript the "Hitung saran" button asks it); this only saves a round trip.
(function () {
  "use strict";
  var form = document.querySelector("[data-triage-form]");
  if (!form) {
    return;
  }
  var order = ["low", "medium", "high", "emergency"];
  var emergency = (form.getAttribute("data-triage-emergency") || "").split(" ");
  var high = (form.getAttribute("data-triage-high") || "").split(" ");
  // The level the activist's answers from the field suggest: unticking a box here never goes
  // below it (the server counts those answers too).
  var floor = form.getAttribute("data-triage-floor") || "";
  var select = form.querySelector("select[name=level]");
  var reason = form.querySelector("[name=reason]");
  var boxes = form.querySelectorAll("input[name=checklist]");
  var has = form.querySelector("[data-has-suggestion]");
  var none = form.querySelector("[data-no-suggestion]");
  var levelText = form.querySelector("[data-suggestion-level]");
  var needed = form.querySelector("[data-reason-needed]");
  var button = form.querySelector("[data-triage-suggest-button]");
  // A level chosen before (saved, or submitted) is the user's: ticking boxes never changes it.
  var chosen = form.hasAttribute("data-level-chosen");
  if (!select) {
    return;
  }
  if (button) {
    button.hidden = true;
  }

  function suggestion() {
    var found = floor;
    Array.prototype.forEach.call(boxes, function (box) {
      if (!box.checked) {
        return;
      }
      if (emergency.indexOf(box.value) >= 0) {
        found = "emergency";
      } else if (high.indexOf(box.value) >= 0 && found !== "emergency") {
        found = "high";
      }
    });
    return found;
  }

  function below(level, other) {
    return other !== "" && order.indexOf(level) < order.indexOf(other);
  }

  function update(fromBox) {
    var suggested = suggestion();
    if (fromBox && !chosen && suggested && below(select.value, suggested)) {
      select.value = suggested;
    }
    if (has && none) {
      has.hidden = !suggested;
      none.hidden = !!suggested;
    }
    if (suggested && levelText) {
      var option = select.querySelector('option[value="' + suggested + '"]');
      levelText.textContent = option ? option.textContent : suggested;
    }
    var need = below(select.value, suggested);
    if (needed) {
      // A refused form already says it next to the field.
      needed.hidden = !need || (reason && reason.classList.contains("is-invalid"));
    }
    if (reason) {
      reason.required = need;
    }
  }

  Array.prototype.forEach.call(boxes, function (box) {
    box.addEventListener("change", function () {
      update(true);
    });
  });
  select.addEventListener("change", function () {
    chosen = true;
    update(false);
  });
  update(false);
})();
