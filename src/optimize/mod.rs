//! The MILP: least-cost legal staffing, then recruitment.
