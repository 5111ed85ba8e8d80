// Optional help on a knapsack ballot: keeps "spent" and "left" up to date as boxes are
// ticked. The server checks every ballot; without this script "Check my choices" shows
// the same totals.
(function () {
  "use strict";
  var status = document.getElementById("budget-status");
  if (!status) return;
  var budget = Number(status.getAttribute("data-budget"));
  var spentOut = document.getElementById("budget-spent");
  var leftOut = document.getElementById("budget-left");
  var currency = (spentOut.textContent.match(/[^\d,\s-]+$/) || [""])[0];
  var boxes = document.querySelectorAll("input[type=checkbox][data-cost]");
  function money(n) {
    var sign = n < 0 ? "-" : "";
    var digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return sign + digits + (currency ? " " + currency : "");
  }
  function update() {
    var spent = 0;
    boxes.forEach(function (box) {
      if (box.checked) spent += Number(box.getAttribute("data-cost"));
    });
    spentOut.textContent = money(spent);
    leftOut.textContent = money(budget - spent);
    status.classList.toggle("over", spent > budget);
  }
  boxes.forEach(function (box) { box.addEventListener("change", update); });
  update();
})();
