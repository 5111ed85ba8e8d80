//! The address lottery: letters split between areas in proportion to households (or with
//! areas over-sampled), drawn uniformly within each area; files with mistakes refused with
//! the line.

use std::collections::HashMap;

use sortition::{Address, AddressDrawError, allocate, draw_addresses, read_addresses};

fn list(areas: &[(&str, usize)]) -> Vec<Address> {
    let mut out = Vec::new();
    for (area, households) in areas {
        for h in 0..*households {
            out.push(Address {
                line: out.len() + 2,
                address: format!("{h} {area} Road"),
                area: area.to_string(),
            });
        }
    }
    out
}

fn letters_per_area(addresses: &[Address], drawn: &[usize]) -> HashMap<String, usize> {
    let mut per = HashMap::new();
    for &i in drawn {
        *per.entry(addresses[i].area.clone()).or_insert(0) += 1;
    }
    per
}

#[test]
fn letters_follow_households_and_over_sampled_areas_get_their_weight() {
    let addresses = list(&[("Millbrook", 500), ("Riverside", 300), ("Eastfield", 200)]);
    let drawn = draw_addresses(&addresses, 100, &HashMap::new(), 7).unwrap();
    assert_eq!(drawn.len(), 100);
    let per = letters_per_area(&addresses, &drawn);
    assert_eq!(
        (per["Millbrook"], per["Riverside"], per["Eastfield"]),
        (50, 30, 20)
    );
    // Eastfield counted twice: 500 : 300 : 400 of 100 is 41.7, 25 and 33.3.
    let weights = HashMap::from([("Eastfield".to_string(), 2.0)]);
    let shares = allocate(&addresses, 100, &weights).unwrap();
    assert_eq!(
        shares,
        vec![
            ("Millbrook".to_string(), 500, 42),
            ("Riverside".to_string(), 300, 25),
            ("Eastfield".to_string(), 200, 33),
        ]
    );
    let drawn = draw_addresses(&addresses, 100, &weights, 7).unwrap();
    assert_eq!(letters_per_area(&addresses, &drawn)["Eastfield"], 33);
    // No address twice; the same seed draws the same; another seed another.
    let mut unique = drawn.clone();
    unique.dedup();
    assert_eq!(unique.len(), 100);
    assert_eq!(drawn, draw_addresses(&addresses, 100, &weights, 7).unwrap());
    assert_ne!(drawn, draw_addresses(&addresses, 100, &weights, 8).unwrap());
}

#[test]
fn an_area_asked_for_more_than_it_has_gets_every_address_and_the_rest_is_shared() {
    let addresses = list(&[("Hamlet", 3), ("Town", 97)]);
    let weights = HashMap::from([("Hamlet".to_string(), 10.0)]);
    let shares = allocate(&addresses, 20, &weights).unwrap();
    assert_eq!(
        shares,
        vec![("Hamlet".to_string(), 3, 3), ("Town".to_string(), 97, 17)]
    );
    let all = allocate(&addresses, 100, &HashMap::new()).unwrap();
    assert_eq!(all.iter().map(|s| s.2).sum::<usize>(), 100);
}

/// Within an area every address has the same chance: over 4,000 seeded draws of 3 letters
/// from an area of 12 (and 1 from an area of 4), each address is drawn close to its 1/4.
#[test]
fn every_address_of_an_area_has_the_same_chance() {
    let addresses = list(&[("North", 12), ("South", 4)]);
    let runs = 4000;
    let mut times = vec![0usize; addresses.len()];
    for seed in 0..runs {
        for i in draw_addresses(&addresses, 4, &HashMap::new(), seed).unwrap() {
            times[i] += 1;
        }
    }
    // Binomial(4000, 1/4): standard deviation about 27; five of them either side.
    for (i, &n) in times.iter().enumerate() {
        assert!((865..=1135).contains(&n), "address {i} drawn {n} times");
    }
}

#[test]
fn impossible_draws_are_refused_saying_why() {
    let addresses = list(&[("North", 5), ("South", 5)]);
    assert_eq!(
        draw_addresses(&addresses, 11, &HashMap::new(), 1),
        Err(AddressDrawError::TooMany {
            asked: 11,
            listed: 10
        })
    );
    assert_eq!(
        draw_addresses(&addresses, 0, &HashMap::new(), 1),
        Err(AddressDrawError::NoLetters)
    );
    let unknown = HashMap::from([("West".to_string(), 2.0)]);
    assert_eq!(
        draw_addresses(&addresses, 4, &unknown, 1),
        Err(AddressDrawError::UnknownArea("West".into()))
    );
    let zero = HashMap::from([("North".to_string(), 0.0)]);
    assert!(matches!(
        draw_addresses(&addresses, 4, &zero, 1),
        Err(AddressDrawError::BadWeight { .. })
    ));
}

#[test]
fn address_files_with_any_header_are_read_and_mistakes_named_by_line() {
    let text = "UPRN;Full address;Ward\n1;1 Mill Lane;Millbrook\n2;2 Mill Lane;Riverside\n";
    let read = read_addresses(text, "full address", "WARD").unwrap();
    assert_eq!(
        read[1],
        Address {
            line: 3,
            address: "2 Mill Lane".into(),
            area: "Riverside".into()
        }
    );
    let missing = read_addresses(text, "address", "ward").unwrap_err();
    assert_eq!(missing.line, 1);
    assert!(
        missing.to_string().contains("UPRN, Full address, Ward"),
        "{missing}"
    );
    let empty = "address,area\n1 Mill Lane,Millbrook\n ,Riverside\n";
    let error = read_addresses(empty, "address", "area").unwrap_err();
    assert_eq!((error.line, error.column.as_deref()), (3, Some("address")));
    let ragged = "address,area\n1 Mill Lane,Millbrook,extra\n";
    assert_eq!(
        read_addresses(ragged, "address", "area").unwrap_err().line,
        2
    );
    assert!(read_addresses("address,area\n", "address", "area").is_err());
}
