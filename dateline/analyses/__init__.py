"""Analyses over a store: timelines (more to come)."""
