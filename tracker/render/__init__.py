"""Renderers: one per output format, each taking a view-model; none reads files."""
