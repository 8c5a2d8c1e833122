//! The audit on schedules built by hand: one of each violation, legal schedules, edge cases.

mod one_of_each;
mod rules;
mod scenario;
