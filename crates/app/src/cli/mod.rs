//! Command-line tools beside the web site.

pub mod network;
pub mod pb;
