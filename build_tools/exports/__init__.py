"""Export stage: calendars, feeds, JSON, JSON-LD, QR codes, downloads — made from model objects."""
