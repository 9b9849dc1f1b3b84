"""Pure: the catalogue's types, scoring, the result, levels, hours, team. No files, no terminal."""
