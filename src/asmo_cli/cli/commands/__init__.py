"""One module per asmo command, named after it; each only parses, calls the Workspace and prints."""
