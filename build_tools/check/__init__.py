"""Check stage: schema, consistency and restricted-Markdown rules on loaded records."""
