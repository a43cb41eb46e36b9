"""What personal data looks like in a text: pure functions from a string to hits, no files, no reports."""
