//! Native integration tests: one binary, topic modules.
