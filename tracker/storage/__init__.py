"""The storage layer: the only code that touches data files.

datadir.py finds the data folder and loads it; planfile.py reads goals.toml
(its line map and typed fields); logline.py turns one log line into an Entry
and back; journal.py reads progress/ and appends under the lock; batch.py
reads `--from-json` input; state.py keeps the derived, per-file state
of progress/ (progress/.cache/).
"""
