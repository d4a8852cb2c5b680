/* Progressive enhancement of the public form: the form works without this file.
   - shows only the kelurahan of the chosen kecamatan;
   - hides name and phone while "anonymous" is chosen. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var kec = document.getElementById("id_kecamatan");
    var kel = document.getElementById("id_kelurahan");
    if (kec && kel) {
      var filter = function () {
        var prefix = kec.value ? kec.value + "." : "";
        Array.prototype.forEach.call(kel.querySelectorAll("optgroup"), function (group) {
          var show = !prefix || Array.prototype.some.call(group.children, function (o) {
            return o.value.indexOf(prefix) === 0;
          });
          group.hidden = !show;
          group.disabled = !show;
        });
        if (prefix && kel.value && kel.value.indexOf(prefix) !== 0) { kel.value = ""; }
      };
      kec.addEventListener("change", filter);
      filter();
    }
    var radios = document.querySelectorAll("input[name=anonymous]");
    var named = [document.getElementById("f-reporter_name"), document.getElementById("f-reporter_phone"),
                 document.getElementById("f-message_only")];
    var toggle = function () {
      var checked = document.querySelector("input[name=anonymous]:checked");
      var anon = !checked || checked.value === "1";
      named.forEach(function (el) { if (el && !el.classList.contains("has-error")) { el.classList.toggle("is-hidden", anon); } });
    };
    Array.prototype.forEach.call(radios, function (r) { r.addEventListener("change", toggle); });
    toggle();
  });
})();
