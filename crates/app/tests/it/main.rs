//! The app's one integration-test binary: the real server over HTTP on a loopback port.
//! Runs on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is set.

mod support;

mod accounts;
mod alerts;
mod api;
mod areas;
mod assets;
mod assisted;
mod audit;
mod ballot_secrecy;
mod browser;
mod budgets;
mod city;
mod conversations;
mod crawl;
mod dashboard;
mod demo;
mod durability;
mod edges;
mod events;
mod front;
mod help;
mod jobs;
mod juries;
mod jury_cli;
mod mapping;
mod maps;
mod methods;
mod network_cli;
mod notifications;
mod operations;
mod organisations;
mod paper;
mod pb_cli;
mod photos;
mod places;
mod polish;
mod providers;
mod redirects;
mod reports;
mod representatives;
mod roles;
mod schema;
mod security;
mod stories;
