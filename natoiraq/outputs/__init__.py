"""Outputs: facts written as JSON Lines, JSON, CSV, SQLite, terminal tables, timelines and HTML."""
