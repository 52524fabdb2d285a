"""The pure core: status, alerts, forecasts and summaries from (plan, entries, as_of).

Nothing in this package reads files or the clock, or imports click or rich.
"""
