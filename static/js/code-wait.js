// Progressive enhancement for the one-time code step: after a wrong code django-otp checks the next one only after
// a pause; count it down so staff know when to send the right code. The error message says the same without this.
(function () {
  "use strict";
  var note = document.querySelector("[data-wait-seconds]");
  if (!note) {
    return;
  }
  var timer = note.querySelector("[role=timer]");
  var status = note.querySelector("[role=status]");
  var secondsLeft = Number(note.getAttribute("data-wait-seconds"));
  function tick() {
    if (secondsLeft > 0) {
      timer.textContent = "You can try again in " + secondsLeft + (secondsLeft === 1 ? " second." : " seconds.");
      secondsLeft -= 1;
      window.setTimeout(tick, 1000);
    } else {
      timer.textContent = "";
      status.textContent = "You can try again now.";
    }
  }
  note.hidden = false;
  tick();
})();
