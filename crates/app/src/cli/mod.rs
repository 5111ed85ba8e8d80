//! Command-line tools beside the web site.

pub mod pb;
