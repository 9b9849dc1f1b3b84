"""Everything that touches files: paths, safe YAML, records, ids, locks, the one writer."""
