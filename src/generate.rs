//! Synthetic territories: the bundled fixtures and the benchmark instances.
