// Interactive maps and placing a point on a form. Every map is already on the page as an SVG
// drawn by the server (with the same data as a table), so without this script, or without
// tiles, nothing is lost. With tiles configured, the same regions and marks go on a Leaflet
// map. On a form (data-picker), clicking the map or "use my location" fills in the fields
// `latitude` and `longitude`, and the area is chosen from the point where the form has one.
(function () {
  "use strict";

  function fields() {
    return {
      lat: document.getElementById("latitude"),
      lon: document.getElementById("longitude"),
      area: document.getElementById("area_id")
    };
  }

  // The innermost area containing the point that the form's area list offers.
  function chooseArea(lat, lon) {
    var area = fields().area;
    if (!area || !window.fetch) return;
    fetch("/api/v1/areas/at?lat=" + lat + "&lon=" + lon, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { areas: [] }; })
      .then(function (found) {
        var areas = found.areas || [];
        for (var i = 0; i < areas.length; i++) {
          for (var j = 0; j < area.options.length; j++) {
            var option = area.options[j];
            if (option.value && option.textContent.trim() === areas[i].name) {
              area.value = option.value;
              area.dispatchEvent(new Event("change", { bubbles: true }));
              return;
            }
          }
        }
      })
      .catch(function () {});
  }

  function setPoint(lat, lon, moved) {
    var f = fields();
    if (!f.lat || !f.lon) return;
    f.lat.value = lat.toFixed(6);
    f.lon.value = lon.toFixed(6);
    if (moved) moved(lat, lon);
    chooseArea(f.lat.value, f.lon.value);
  }

  // The drawn map's inverse projection (Web Mercator), from the parameters on the figure.
  function svgPlace(holder, svg, event) {
    var p = holder.getAttribute("data-projection").split(" ").map(Number);
    var box = svg.getBoundingClientRect();
    var view = svg.viewBox.baseVal;
    var x = (event.clientX - box.left) / box.width * view.width;
    var y = (event.clientY - box.top) / box.height * view.height;
    var merc = p[1] - y / p[2];
    var lat = (2 * Math.atan(Math.exp(merc * Math.PI / 180)) - Math.PI / 2) * 180 / Math.PI;
    return { lat: lat, lon: p[0] + x / p[2] };
  }

  function svgPicker(holder) {
    var svg = holder.querySelector("svg");
    if (!svg) return null;
    var pin = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    pin.setAttribute("r", "9");
    pin.setAttribute("fill", "none");
    pin.setAttribute("stroke", "#111");
    pin.setAttribute("stroke-width", "4");
    pin.setAttribute("class", "place-map-pin");
    var p = holder.getAttribute("data-projection").split(" ").map(Number);
    function show(lat, lon) {
      var rad = Math.max(-85, Math.min(85, lat)) * Math.PI / 180;
      var merc = Math.log(Math.tan(Math.PI / 4 + rad / 2)) * 180 / Math.PI;
      pin.setAttribute("cx", ((lon - p[0]) * p[2]).toFixed(1));
      pin.setAttribute("cy", ((p[1] - merc) * p[2]).toFixed(1));
      if (!pin.parentNode) svg.appendChild(pin);
    }
    svg.style.cursor = "crosshair";
    svg.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) return;
      var at = svgPlace(holder, svg, event);
      setPoint(at.lat, at.lon, show);
    });
    return show;
  }

  function leafletMap(holder, data) {
    if (!window.L || !holder.getAttribute("data-tiles")) return null;
    var drawn = holder.querySelector(".place-map-drawn");
    var box = document.createElement("div");
    box.className = "place-map-live";
    holder.insertBefore(box, drawn);
    drawn.classList.add("place-map-print-only");
    var b = data.bounds;
    // The zoom buttons and the pin speak the page's language (Leaflet's own are English).
    var map = L.map(box, { scrollWheelZoom: false, zoomControl: false })
      .fitBounds([[b[0], b[1]], [b[2], b[3]]]);
    L.control.zoom({
      zoomInTitle: holder.getAttribute("data-zoom-in"),
      zoomOutTitle: holder.getAttribute("data-zoom-out")
    }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    var credit = document.createElement("a");
    credit.href = holder.getAttribute("data-attribution-url");
    credit.textContent = holder.getAttribute("data-attribution");
    L.tileLayer(holder.getAttribute("data-tiles"), {
      maxZoom: 19,
      // The tile provider's policy asks for the site's address with each request.
      referrerPolicy: "strict-origin-when-cross-origin",
      attribution: credit.outerHTML
    }).addTo(map);
    // On a form a click is the pin: shapes let it through to the map and nothing leads
    // away from what the person has typed.
    var picking = !!holder.getAttribute("data-picker");
    data.regions.forEach(function (region) {
      var style = region.own
        ? { color: "#2b2a26", weight: 3, fill: false }
        : { color: "#6d6a60", weight: 1, fillOpacity: 0.15 };
      style.interactive = !picking;
      var shape = L.polygon(region.polygons, style);
      if (!picking) shape.bindTooltip(region.label);
      if (region.href && !picking) {
        shape.on("click", function () { window.location.href = region.href; });
      }
      shape.addTo(map);
    });
    data.marks.forEach(function (mark) {
      var layer;
      if (mark.count > 1) {
        var icon = L.divIcon({
          className: "place-map-cluster",
          html: "<span>" + mark.count + "</span>",
          iconSize: [34, 34]
        });
        layer = L.marker([mark.lat, mark.lon], { icon: icon, title: mark.label, alt: mark.label });
      } else {
        layer = L.circleMarker([mark.lat, mark.lon], {
          radius: 8, color: "#ffffff", weight: 2, fillColor: mark.colour, fillOpacity: 1
        });
        layer.bindTooltip(mark.label);
      }
      if (mark.href && !picking) {
        layer.on("click", function () { window.location.href = mark.href; });
      }
      layer.addTo(map);
    });
    return map;
  }

  function locateButton(holder, place) {
    if (!navigator.geolocation) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = holder.getAttribute("data-locate");
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    status.className = "muted";
    button.addEventListener("click", function () {
      status.textContent = "";
      navigator.geolocation.getCurrentPosition(function (position) {
        place(position.coords.latitude, position.coords.longitude);
      }, function () {
        status.textContent = holder.getAttribute("data-locate-failed");
      }, { enableHighAccuracy: true, timeout: 15000 });
    });
    var row = document.createElement("p");
    row.appendChild(button);
    row.appendChild(document.createTextNode(" "));
    row.appendChild(status);
    holder.appendChild(row);
  }

  function start(holder) {
    var data = JSON.parse(holder.querySelector(".place-map-data").textContent);
    var map = leafletMap(holder, data);
    if (!holder.getAttribute("data-picker")) return;
    var show;
    if (map) {
      var pin = null;
      show = function (lat, lon) {
        if (pin) pin.setLatLng([lat, lon]);
        else pin = L.marker([lat, lon], { alt: holder.getAttribute("data-pin") }).addTo(map);
        map.panTo([lat, lon]);
      };
      map.on("click", function (event) { setPoint(event.latlng.lat, event.latlng.lng, show); });
    } else {
      show = svgPicker(holder);
    }
    locateButton(holder, function (lat, lon) { setPoint(lat, lon, show); });
    var f = fields();
    if (f.lat && f.lon && f.lat.value && f.lon.value && show) {
      show(parseFloat(f.lat.value), parseFloat(f.lon.value));
    }
  }

  var holders = document.querySelectorAll(".place-map-holder");
  for (var i = 0; i < holders.length; i++) start(holders[i]);
})();
