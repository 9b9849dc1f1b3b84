"""One module per output; each reads a result and decides nothing. Never imports storage."""
