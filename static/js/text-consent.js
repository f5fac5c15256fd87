// Progressive enhancement for the contact form: what texting means (messages, rates, STOP and HELP) is shown
// beside the choices while "Text message" is chosen. Without this script it is always shown (contact/forms.py).
(function () {
  "use strict";
  var terms = document.getElementById("text-consent");
  var choices = document.querySelectorAll("input[name='preferred_contact']");
  if (!terms || !choices.length) {
    return;
  }
  function show() {
    var chosen = document.querySelector("input[name='preferred_contact']:checked");
    terms.hidden = !chosen || chosen.value !== "text";
  }
  choices.forEach(function (choice) {
    if (choice.value === "text") {
      choice.setAttribute("aria-describedby", "text-consent");
    }
    choice.addEventListener("change", show);
  });
  show();
})();
