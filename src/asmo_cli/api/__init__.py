"""The application layer: every use case of asmo, for the CLI, scripts and tests."""
