// Progressive enhancement for the contact form: the insurance details are shown only while "I'd like my
// insurance checked" is ticked. Without this script they are always shown, and the server keeps them only
// when the box is ticked (contact/forms.py).
(function () {
  "use strict";
  var details = document.getElementById("insurance-details");
  var checkbox = document.querySelector("input[name='insurance_check']");
  if (!details || !checkbox) {
    return;
  }
  checkbox.setAttribute("aria-controls", "insurance-details");
  function show() {
    details.hidden = !checkbox.checked;
    checkbox.setAttribute("aria-expanded", checkbox.checked ? "true" : "false");
  }
  checkbox.addEventListener("change", show);
  show();
})();
