# Places: boundaries, locations, the API's places.

area-boundary = Boundary on the map
boundary-title = Boundary of { $area }
boundary-has = This area has a boundary.
boundary-none = This area has no boundary yet, so the site cannot tell which places are in it.
boundary-children = { $total ->
    [one] { $with } of { $total } area inside it has a boundary.
   *[other] { $with } of { $total } areas inside it have a boundary.
}
boundary-view = See the boundary (GeoJSON)
boundary-download = Download the boundary
boundary-upload-heading = Upload a boundary
boundary-upload-intro = GeoJSON in WGS84 longitude and latitude: a Polygon or MultiPolygon sets this area; a FeatureCollection can set this area and the areas inside it at once, each feature matched to an area by a property such as its name or code. If anything is wrong, nothing is changed.
boundary-upload-submit = Check and save
boundary-remove = Remove this boundary
boundary-remove-hint = Until another boundary is uploaded, the site will not place reports, events or spaces in this area by their location. The areas inside it keep their boundaries.
notice-boundary-removed = Boundary removed.
notice-boundary-saved = Boundary saved.
field-boundary-file = GeoJSON file
field-boundary-file-hint = A .geojson or .json file. A file takes the place of pasted text.
field-boundary-text = Or paste GeoJSON
field-boundary-text-hint = The whole text of a GeoJSON object.
field-boundary-match = Match features by property
field-boundary-match-hint = For example name or WARD_CODE. Left empty: slug, code, then name. Values are compared with the areas' addresses and names.
field-boundary-missing = Choose a GeoJSON file or paste its text.
field-boundary-not-text = The file is not text. Choose a GeoJSON file.
field-boundary-too-big = The boundary is larger than 20 MB. Simplify it first.
boundary-error-not-json = This is not JSON: { $detail }
boundary-error-not-geojson = This is not GeoJSON: it needs a "type" of Feature, FeatureCollection, Polygon or MultiPolygon.
boundary-error-empty = The file has no features.
boundary-error-projected-crs = The file uses the coordinate system { $crs }. Boundaries must be in WGS84 longitude and latitude (EPSG:4326); convert it first.
boundary-error-no-match = Feature { $feature } matches no area here: name the area in the property chosen for matching, or upload it from the right area's page.
boundary-error-twice = Feature { $feature } sets { $area }, which another feature in the file sets too.
boundary-fault-no-geometry = Feature { $feature } has no geometry.
boundary-fault-unsupported = Feature { $feature } is a { $kind }; a boundary must be a Polygon or MultiPolygon.
boundary-fault-malformed = Feature { $feature }: its coordinates are not arrays of [longitude, latitude].
boundary-fault-not-a-number = Feature { $feature }: a coordinate is not a number.
boundary-fault-too-few = Feature { $feature }: ring { $ring } of polygon { $polygon } has fewer than four positions.
boundary-fault-not-closed = Feature { $feature }: ring { $ring } of polygon { $polygon } is not closed (its last position must repeat its first).
boundary-fault-out-of-range = Feature { $feature }: longitude { $lon }, latitude { $lat } is out of range.
boundary-fault-projected = Feature { $feature }: coordinates such as { $lon }, { $lat } look like a projected system in metres, not WGS84 longitude and latitude.
boundary-fault-self-intersecting = Feature { $feature }: polygon { $polygon } crosses itself.
boundary-fault-rings-cross = Feature { $feature }: the rings of polygon { $polygon } cross, or a hole lies outside it.
boundary-fault-overlap = Feature { $feature }: its polygons overlap.
boundary-fault-outside-parent = Feature { $feature }: { $percent }% of it lies outside { $parent }, more than the 2% allowed.

field-location-pair = Give both latitude and longitude, or neither.
field-location-not-number = Write a number in decimal degrees, for example 50.0614.
field-latitude-out-of-range = Latitude must be between -90 and 90.
field-longitude-out-of-range = Longitude must be between -180 and 180.
field-latitude = Latitude (optional)
field-longitude = Longitude (optional)
field-location-hint = Decimal degrees, for example 50.0614 and 19.9372. Shown on public maps, so give the place, never someone's home.

error-api-latitude = Give lat as a number of degrees from -90 to 90.
error-api-longitude = Give lon as a number of degrees from -180 to 180.
error-api-format = Only format=json is answered here.
error-api-bbox = Give bbox as four numbers: minlon,minlat,maxlon,maxlat, in degrees.
error-api-geo-limit = The limit must be a whole number from 1 to 1000.
field-location = Place on the map
field-location-asset-hint = For a space, a group's meeting place or a resource: where people can find it. Never for a skill, and never someone's home.
field-location-skill = A skill is never put on the map; leave latitude and longitude empty.

report-where-public = Where you say the problem is will be public, on the map and in the report, as on FixMyStreet. Give the place of the problem, never your home.
field-report-find = Find an address or place
field-report-find-hint = A street, place or area name. Choosing a result fills in the place below; nothing is sent yet. Any photo you chose will need choosing again.
report-find-submit = Find
report-find-none = Nothing found by that name. Try another spelling, or type the place and its coordinates yourself.
report-find-choose = Choose the place you mean:
field-report-area-from-point = From the place given
field-report-area-point-hint = The neighbourhood where the problem is. With latitude and longitude given, leave this and the area is found from the point.
field-report-outside-areas = That point is outside every area this site covers. Check the coordinates, or send the report to the city, chosen below.
report-nearby-heading = Is it one of these?
report-nearby-intro = These open reports of the same kind are close to the place you gave. If yours is one of them, say it affects you too or follow it instead of sending another.
report-nearby-affected = This affects me too
report-nearby-follow = Follow
report-nearby-different = If yours is a different problem, send it with the button at the end of the form (choose any photo again).
report-nearby-metres = { $count ->
    [one] { $count } metre away
   *[other] { $count } metres away
}

field-alert-place = Near a place (optional)
field-alert-place-hint = Only new items with a place (reports and events) near a point or inside an area's boundary. Leave empty for alerts by area alone.
field-alert-near-metres = Within (metres)
field-alert-near-metres-hint = From 50 to 20000; 500 if left empty.
field-alert-near-metres-invalid = Give the distance as a whole number of metres from 50 to 20000.
field-alert-place-area = Or inside the boundary of
field-alert-place-area-none = No boundary
field-alert-place-area-hint = An area with a boundary on the map.
field-alert-place-both = Choose a point or an area's boundary, not both.
field-alert-place-no-boundary = That area has no boundary yet; choose another or give a point.
alert-place-near = within { $metres } m of { $lat }, { $lon }
alert-place-inside = inside the boundary of { $area }

streets-title = Import a street list
streets-intro = Without an outside geocoder, "find address" on the report form searches these streets, the streets of earlier reports and the areas' names. A street already listed keeps its place.
field-streets-file = Street list (CSV)
field-streets-file-hint = One street per line: name, latitude, longitude (for example: Mill Lane,53.4791,-2.0712). A header line is allowed.
streets-submit = Import
notice-streets-imported = Streets imported.
field-streets-not-text = The file is not text. Choose a CSV file.
field-streets-empty = The file lists no streets.
field-streets-bad-line = Line { $line } is not "name, latitude, longitude" with numbers in range. Nothing was imported.
