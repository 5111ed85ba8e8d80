// Optional help on a knapsack ballot: keeps "spent" and "left" up to date as boxes are
// ticked, for the whole budget or for each sub-budget. The server checks every ballot;
// without this script "Check my choices" shows the same totals.
(function () {
  "use strict";
  var panels = document.querySelectorAll(".budget-status");
  if (!panels.length) return;
  var boxes = document.querySelectorAll("input[type=checkbox][data-cost]");
  // Written as the server writes money for this reader: the page gives the currency's
  // affixes and the thousands separator ("£1,234", "1 234 zł").
  function money(n, panel) {
    var sign = n < 0 ? "-" : "";
    var group = panel.getAttribute("data-group") || ",";
    var digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return sign + (panel.getAttribute("data-money-before") || "") + digits +
      (panel.getAttribute("data-money-after") || "");
  }
  function watch(panel) {
    var part = panel.getAttribute("data-part");
    var budget = Number(panel.getAttribute("data-budget"));
    var spentOut = panel.querySelector(".budget-spent");
    var leftOut = panel.querySelector(".budget-left");
    function update() {
      var spent = 0;
      boxes.forEach(function (box) {
        if (box.checked && box.getAttribute("data-part") === part) {
          spent += Number(box.getAttribute("data-cost"));
        }
      });
      spentOut.textContent = money(spent, panel);
      leftOut.textContent = money(budget - spent, panel);
      panel.classList.toggle("over", spent > budget);
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }
  panels.forEach(watch);
})();
