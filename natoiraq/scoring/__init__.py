"""Scoring: gold annotations, the scores against them, and how they print."""
