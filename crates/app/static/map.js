// Zoom (wheel, + and - buttons) and pan (drag) for the network map. The map is a plain
// SVG and works without this; every node's <title> already shows its details on hover.
(function () {
  "use strict";
  var holder = document.getElementById("network-map");
  if (!holder) return;
  var svg = holder.querySelector("svg");
  if (!svg) return;
  var base = svg.viewBox.baseVal;
  var view = { x: base.x, y: base.y, w: base.width, h: base.height };
  var full = { x: view.x, y: view.y, w: view.w, h: view.h };
  function apply() {
    svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
  }
  function zoom(factor, cx, cy) {
    var w = Math.min(full.w, Math.max(full.w / 20, view.w * factor));
    var h = w * full.h / full.w;
    view.x = cx - (cx - view.x) * (w / view.w);
    view.y = cy - (cy - view.y) * (h / view.h);
    view.w = w;
    view.h = h;
    apply();
  }
  function point(event) {
    var box = svg.getBoundingClientRect();
    return {
      x: view.x + (event.clientX - box.left) / box.width * view.w,
      y: view.y + (event.clientY - box.top) / box.height * view.h
    };
  }
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var p = point(event);
    zoom(event.deltaY < 0 ? 0.8 : 1.25, p.x, p.y);
  }, { passive: false });
  var dragging = null;
  svg.addEventListener("pointerdown", function (event) {
    dragging = { x: event.clientX, y: event.clientY };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", function (event) {
    if (!dragging) return;
    var box = svg.getBoundingClientRect();
    view.x -= (event.clientX - dragging.x) / box.width * view.w;
    view.y -= (event.clientY - dragging.y) / box.height * view.h;
    dragging = { x: event.clientX, y: event.clientY };
    apply();
  });
  svg.addEventListener("pointerup", function () { dragging = null; });
  var controls = document.createElement("p");
  controls.className = "map-controls";
  [["+", 0.7], ["−", 1.4], ["⟲", 0]].forEach(function (spec) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = spec[0];
    // The words come from the page, in its language.
    var name = spec[1] === 0 ? "data-zoom-reset" : (spec[1] < 1 ? "data-zoom-in" : "data-zoom-out");
    button.setAttribute("aria-label", holder.getAttribute(name) || spec[0]);
    button.addEventListener("click", function () {
      if (spec[1] === 0) {
        view = { x: full.x, y: full.y, w: full.w, h: full.h };
        apply();
      } else {
        zoom(spec[1], view.x + view.w / 2, view.y + view.h / 2);
      }
    });
    controls.appendChild(button);
  });
  holder.parentNode.insertBefore(controls, holder);
})();
