"""View-models: engine results → the JSON document, table and records of one command."""
