use sortition::{read_categories, read_people, write_categories, write_people};

const CATEGORIES: &str = "\u{feff}feature,value,min,max\r\ngender,woman,2,3\r\ngender,man,2,3\r\nage,16-29,1,2\r\nage,30-64,1,3\r\nage,65+,1,2\r\n";

const PEOPLE: &str = "id,first name,gender,age,address,postcode\n\
1,Ann,Woman,16-29,\"1 High Street, Flat 2\",AB1 2CD\n\
2,Bob,man,30-64,2 Low Road,AB1 3EF\n\
3,Cy,woman,65+,\"1  high street, flat 2\",ab1 2cd\n\
4,Di,man,65+,4 Mill Lane,AB1 4GH\n";

#[test]
fn categories_and_people_are_read_with_every_column_kept() {
    let features = read_categories(CATEGORIES).unwrap();
    assert_eq!(features.len(), 2);
    assert_eq!(features[1].name, "age");
    assert_eq!(features[1].quotas[2].value, "65+");
    assert_eq!(
        (features[0].quotas[0].min, features[0].quotas[0].max),
        (2, 3)
    );
    let columns = ["address".to_string(), "postcode".to_string()];
    let pool = read_people(PEOPLE, &features, &columns).unwrap();
    assert_eq!(pool.people.len(), 4);
    // Values match whatever their case; the household key ignores case and spacing.
    assert_eq!(pool.people[0].values, vec![0, 0]);
    assert_eq!(pool.people[0].household, pool.people[2].household);
    assert_ne!(pool.people[0].household, pool.people[1].household);
    assert_eq!(pool.people[0].row[4], "1 High Street, Flat 2");
}

#[test]
fn what_is_written_reads_back_the_same() {
    let features = read_categories(CATEGORIES).unwrap();
    assert_eq!(
        read_categories(&write_categories(&features)).unwrap(),
        features
    );
    let pool = read_people(PEOPLE, &features, &[]).unwrap();
    let again = read_people(&write_people(&pool, None), &features, &[]).unwrap();
    assert_eq!(again, pool);
    let two = write_people(&pool, Some(&[1, 3]));
    let panel = read_people(&two, &features, &[]).unwrap();
    let ids: Vec<&str> = panel.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["2", "4"]);
}

/// Square Mile writes its files safe for spreadsheets: a cell that would start a formula
/// gets an apostrophe in front. Features and values still match, with it or without.
#[test]
fn cells_guarded_against_formulas_match_as_they_were() {
    let features =
        read_categories("feature,value,min,max\n'+age,'-18,0,2\n+age,'=65+,0,2\n").unwrap();
    assert_eq!(features[0].name, "+age");
    let values: Vec<&str> = features[0]
        .quotas
        .iter()
        .map(|q| q.value.as_str())
        .collect();
    assert_eq!(values, ["-18", "=65+"]);
    let people = "id,name,'+age\n1,'=SUM(1),'-18\n2,Bo,=65+\n";
    let pool = read_people(people, &features, &[]).unwrap();
    assert_eq!(pool.people[0].values, vec![0]);
    assert_eq!(pool.people[1].values, vec![1]);
    // Every other cell is kept as it was read, apostrophe and all.
    assert_eq!(pool.people[0].row[1], "'=SUM(1)");
}

#[test]
fn semicolon_separated_files_are_read() {
    let features =
        read_categories("feature;value;min;max\narea;north;0;2\narea;south;0;2\n").unwrap();
    let pool = read_people("id;area\na;north\nb;South\n", &features, &[]).unwrap();
    assert_eq!(pool.people[1].values, vec![1]);
}

#[test]
fn bad_categories_name_the_line_and_column() {
    let cases = [
        (
            "feature,value,min\ngender,woman,1\n",
            "line 1: the header has no max column",
        ),
        (
            "feature,value,min,max\ngender,woman,two,3\n",
            "line 2, column \"min\": \"two\" is not a whole number",
        ),
        (
            "feature,value,min,max\ngender,woman,1,3\ngender,man,4,3\n",
            "line 3, column \"min\": the minimum 4 is larger than the maximum 3",
        ),
        (
            "feature,value,min,max\ngender,woman,1,3\nGender,Woman,1,3\n",
            "line 3, column \"value\": Gender = Woman is given twice",
        ),
        (
            "feature,value,min,max\n,woman,1,3\n",
            "line 2, column \"feature\": the feature is empty",
        ),
        (
            "feature,value,min,max\ngender,woman,1\n",
            "line 2: this row has 3 fields but the header has 4",
        ),
        ("feature,value,min,max\n", "line 2: no categories"),
        ("", "line 1: the file is empty"),
    ];
    for (text, expected) in cases {
        let error = read_categories(text).unwrap_err().to_string();
        assert!(error.starts_with(expected), "{text:?}: {error}");
    }
}

#[test]
fn bad_people_name_the_line_and_column() {
    let features = read_categories(CATEGORIES).unwrap();
    let cases = [
        (
            "name,gender,age\nAnn,woman,65+\n",
            "line 1: the header has no id column",
        ),
        (
            "id,gender\n1,woman\n",
            "line 1: the header has no column for the feature \"age\"",
        ),
        (
            "id,gender,age\n1,woman,65+\n2,other,65+\n",
            "line 3, column \"gender\": \"other\" is not a value of gender in the categories (woman, man)",
        ),
        (
            "id,gender,age\n1,woman,65+\n1,man,65+\n",
            "line 3, column \"id\": the id \"1\" was already used on line 2",
        ),
        (
            "id,gender,age\n,woman,65+\n",
            "line 2, column \"id\": the id is empty",
        ),
        (
            "id,gender,age\n1,woman\n",
            "line 2: this row has 2 fields but the header has 3",
        ),
    ];
    for (text, expected) in cases {
        let error = read_people(text, &features, &[]).unwrap_err().to_string();
        assert!(error.starts_with(expected), "{text:?}: {error}");
    }
    let error = read_people(PEOPLE, &features, &["street".to_string()]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 1: the header has no household column \"street\""
    );
}
