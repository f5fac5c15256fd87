// Opening the header's Search disclosure puts the cursor in its box, so one tap is enough to start typing.
// Progressive enhancement: without this file the disclosure still opens and the box is a tap away.
(function () {
  "use strict";
  var details = document.querySelector(".header-search");
  if (!details) {
    return;
  }
  details.querySelector("summary").addEventListener("click", function (event) {
    if (details.open) {
      return;
    }
    // Opened here rather than by the browser, so the focus happens inside the tap itself: iOS only raises
    // the keyboard for a focus made while handling the user's gesture.
    event.preventDefault();
    details.open = true;
    details.querySelector("input[name=q]").focus();
  });
})();
