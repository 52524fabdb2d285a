"""Rules: small validators, each `rule(...) -> list[Problem]`, all run and all
reported together. `check`, `log`, batches and `retract` run the same rules, so
a rule exists once and says the same thing wherever it fires.

plan.py holds what a well-typed goals.toml must satisfy; entries.py what a log
entry, and a log, must satisfy.
"""
