//! Any bytes given to the Pabulib reader give an election or an error with a line number,
//! never a panic; an election read is written and read back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match pb::parse(&text) {
        Ok(election) => {
            let again = pb::parse(&pb::write(&election)).expect("a written election reads back");
            assert_eq!(election, again);
        }
        Err(error) => assert!(error.line >= 1),
    }
});
