//! Command-line tools beside the web site.

pub mod backup;
pub mod budget;
pub mod help;
pub mod jury;
pub mod network;
pub mod pb;
