//! Audit of a schedule against the law (the `check` command).
