"""The typer app, one module per command, the prompts and the interactive session."""
