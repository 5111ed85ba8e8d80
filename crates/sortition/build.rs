//! With the `highs` feature, links the prebuilt HiGHS shared library in `HIGHS_LIB_DIR`
//! (for instance the `lib` folder of PyPI's `highsbox` wheel, see BENCHMARKS.md) and records
//! that folder as the run-time search path of this crate's tests, examples and binaries.
//! Without the feature it does nothing.

fn main() {
    println!("cargo:rerun-if-env-changed=HIGHS_LIB_DIR");
    if std::env::var_os("CARGO_FEATURE_HIGHS").is_none() {
        return;
    }
    match std::env::var("HIGHS_LIB_DIR") {
        Ok(dir) => {
            println!("cargo:rustc-link-search=native={dir}");
            println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
        }
        Err(_) => println!(
            "cargo:warning=the highs feature links libhighs from the system's library path: \
             set HIGHS_LIB_DIR to the folder holding libhighs.so otherwise"
        ),
    }
}
