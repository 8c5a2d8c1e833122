//! Solve tests on tiny instances whose optimum is known by hand, by topic.

mod model;
mod periods;
mod plans;
mod rules;
mod solver;
mod stability;
mod support;
