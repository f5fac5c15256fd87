// The backup codes page (templates/staff/two_factor/backup_codes.html): print the codes, or copy them, one a line.
(function () {
  "use strict";
  var actions = document.querySelector(".two-factor-backup-actions");
  var list = document.getElementById("backup-codes");
  if (!actions || !list) return;
  var status = actions.querySelector(".two-factor-backup-status");
  var codes = Array.prototype.map.call(list.querySelectorAll("code"), function (code) {
    return code.textContent;
  });
  actions.hidden = false;
  actions.querySelector('[data-backup-codes="print"]').addEventListener("click", function () {
    window.print();
  });
  actions.querySelector('[data-backup-codes="copy"]').addEventListener("click", function () {
    if (!navigator.clipboard) {
      status.textContent = "Your browser can’t copy from here: select the codes and copy them.";
      return;
    }
    navigator.clipboard.writeText(codes.join("\n") + "\n").then(
      function () {
        status.textContent = "Copied: paste them into your password manager.";
      },
      function () {
        status.textContent = "They couldn’t be copied: select the codes and copy them.";
      }
    );
  });
})();
