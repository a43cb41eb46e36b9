"""Anonymised aggregate statistics: contract, disclosure rules, suppression, audit, pages.

Data flow: data/statistics/*.csv|xlsx ── tableio (bytes → rows of text) ── tables (frictionless
types the cells) ── disclosure (threshold, rounding, geography…) ── audit (linear programming:
no suppressed cell can be derived) ── pages, charts and the download bundle.
The `aggregate` command goes the other way: a private roster ── roster ── suppress ── a table.
"""
