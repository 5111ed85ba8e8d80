use places::{AreaIndex, Fault, ParseError, parse};

fn square(lon: f64, lat: f64, size: f64) -> String {
    format!(
        "[[[{lon},{lat}],[{x},{lat}],[{x},{y}],[{lon},{y}],[{lon},{lat}]]]",
        x = lon + size,
        y = lat + size
    )
}

fn feature(name: &str, coordinates: &str) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"name":"{name}"}},"geometry":{{"type":"Polygon","coordinates":{coordinates}}}}}"#
    )
}

fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

fn fault_of(text: &str) -> (String, Fault) {
    match parse(text) {
        Err(ParseError::Feature { feature, fault }) => (feature, fault),
        other => panic!("expected a feature fault, got {other:?}"),
    }
}

#[test]
fn a_collection_reads_into_named_features() {
    let text = collection(&[
        feature("North", &square(0.0, 0.0, 1.0)),
        feature("South", &square(0.0, -1.0, 1.0)),
    ]);
    let features = parse(&text).unwrap();
    assert_eq!(features.len(), 2);
    assert_eq!(features[1].property("NAME").as_deref(), Some("South"));
    assert_eq!(features[1].number, 2);
}

#[test]
fn faults_name_the_feature_and_what_is_wrong() {
    let open = "[[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]";
    let (name, fault) = fault_of(&collection(&[
        feature("Good", &square(0.0, 0.0, 1.0)),
        feature("Open", open),
    ]));
    assert_eq!(name, "Open");
    assert_eq!(
        fault,
        Fault::RingNotClosed {
            polygon: 1,
            ring: 1
        }
    );

    let bow_tie = "[[[0,0],[1,1],[1,0],[0,1],[0,0]]]";
    assert_eq!(
        fault_of(&feature("Bow", bow_tie)).1,
        Fault::SelfIntersecting { polygon: 1 }
    );

    let far = square(179.5, 10.0, 1.0);
    assert!(matches!(
        fault_of(&feature("Far", &far)).1,
        Fault::OutOfRange { .. }
    ));

    let metres = square(530000.0, 180000.0, 100.0);
    assert!(matches!(
        fault_of(&feature("Grid", &metres)).1,
        Fault::LooksProjected { .. }
    ));

    let words = r#"[[["a",0],[1,0],[1,1],["a",0]]]"#;
    assert_eq!(fault_of(&feature("Words", words)).1, Fault::NotANumber);
}

#[test]
fn a_projected_crs_is_refused() {
    let text = format!(
        r#"{{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::27700"}}}},"features":[{}]}}"#,
        feature("A", &square(0.0, 0.0, 1.0))
    );
    assert!(matches!(parse(&text), Err(ParseError::ProjectedCrs(name)) if name.ends_with("27700")));
}

#[test]
fn children_outside_their_parent_are_found() {
    let parent = parse(&feature("P", &square(0.0, 0.0, 1.0)))
        .unwrap()
        .remove(0)
        .shape;
    let inside = parse(&feature("C", &square(0.2, 0.2, 0.5)))
        .unwrap()
        .remove(0)
        .shape;
    let half_out = parse(&feature("D", &square(0.5, 0.2, 1.0)))
        .unwrap()
        .remove(0)
        .shape;
    assert!(places::within_parent(&inside, &parent, 0.01).is_ok());
    assert_eq!(
        places::within_parent(&half_out, &parent, 0.01),
        Err(Fault::OutsideParent { percent: 60 }) // 0.4 of its 1.0 is inside
    );
}

#[test]
fn the_index_answers_innermost_first() {
    let shape = |c: &str| parse(&feature("x", c)).unwrap().remove(0).shape;
    let index = AreaIndex::build([
        ("city".to_string(), None, shape(&square(0.0, 0.0, 10.0))),
        (
            "district".to_string(),
            Some("city".to_string()),
            shape(&square(0.0, 0.0, 5.0)),
        ),
        (
            "hood".to_string(),
            Some("district".to_string()),
            shape(&square(1.0, 1.0, 1.0)),
        ),
    ]);
    assert_eq!(index.at(1.5, 1.5), vec!["hood", "district", "city"]);
    assert_eq!(index.at(7.0, 7.0), vec!["city"]);
    assert!(index.at(20.0, 20.0).is_empty());
}

#[test]
fn geometry_round_trips() {
    let shape = parse(&feature("x", &square(19.9, 50.0, 0.01)))
        .unwrap()
        .remove(0)
        .shape;
    let text = places::geometry_json(&shape).to_string();
    assert_eq!(places::parse_geometry(&text).unwrap(), shape);
}

#[test]
fn distances_are_in_metres() {
    // One degree of latitude is about 111.2 km.
    let d = places::distance_m(50.0, 20.0, 51.0, 20.0);
    assert!((d - 111_195.0).abs() < 100.0, "{d}");
    let b = places::box_around(50.0, 20.0, 1000.0);
    assert!(b.contains(50.008, 20.0) && !b.contains(50.01, 20.0));
}
