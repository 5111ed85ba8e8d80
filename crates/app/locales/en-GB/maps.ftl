## Maps on the site's pages

map-cluster = { $count ->
    [one] One place here
   *[other] { $count } places here: open to see them
}
map-hint = The same places are listed below the map.
map-picker-hint = Click the map to place your pin, or type the address or coordinates below.
map-use-my-location = Use my location
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
