//! Square Mile: the web application. See ARCHITECTURE.md for the map.

pub mod accounts;
pub mod api;
pub mod areas;
pub mod assets;
pub mod budgets;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod help;
pub mod home;
pub mod i18n;
pub mod jobs;
pub mod juries;
pub mod mail;
pub mod mapping;
pub mod organisations;
pub mod projects;
pub mod reports;
pub mod roles;
pub mod server;
pub mod skills;
pub mod skillsgame;
pub mod state;
pub mod stories;
pub mod web;
