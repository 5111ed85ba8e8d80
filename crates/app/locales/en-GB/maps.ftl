## Maps on the site's pages

map-cluster = { $count ->
    [one] One place here
   *[other] { $count } places here: open to see them
}
map-hint = The same places are listed below the map.
map-picker-hint = Click the map to place your pin, or type the address or coordinates below.
map-use-my-location = Use my location
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-pin = The place chosen
map-location-failed = Your device did not give a location. Click the map or type the address instead.

report-map-title = Map of reports
report-map-description = { $count ->
    [one] One report with a place is on this map. Every report is in the list below.
   *[other] { $count } reports with a place are on this map; a number stands for several close together. Every report is in the list below.
}
report-map-showing-box = Showing the reports in one part of the map.
report-map-whole-list = Show all reports
report-map-one-title = Where “{ $title }” is
report-map-one-description = The report's place, marked on a map of the streets around it. { $place }

assets-places-heading = Where they are
assets-places-map-title = Spaces, groups and resources in { $area }
assets-places-map-description = Each mark is a public space, group or resource with a place; a number stands for several close together. People's skills are never put on a map. The list below has everything.

events-map-title = Where coming events are
events-map-description = Each mark is a coming event with a place; a number stands for several close together. The list below has every event, with or without a place.

pb-projects-map-title = Where the projects of { $title } are
pb-projects-map-description = Each mark is a project with a place; a number stands for several close together. The list below has every project, with or without a place.

report-map-chosen = The place you chose
report-map-pick-title = Map of the city, to choose where the problem is
report-map-pick-description = The city and its districts. With JavaScript, clicking the map sets the place; without it, use “find address” or type the coordinates below.

map-legend = On the map
area-map-title = Map of { $area }
area-map-description = The area's boundary, the areas inside it (each a link to its page), and what has a place here: reports, spaces and groups, coming events and budget projects. A number stands for several close together. The lists on this page and the pages they link to hold the same things as text.
area-map-legend-reports = reports
area-map-legend-assets = spaces, groups and resources
area-map-legend-events = coming events
area-map-legend-projects = budget projects
