"""Render stage: Markdown pages from model objects through one jinja2 environment (templates/)."""
