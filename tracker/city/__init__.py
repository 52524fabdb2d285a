"""A city of districts, and data out for analysts: the city's folder
(city.toml), fetching its districts' repositories with git, opening every
district through tracker's own loader and engine, and exporting districts'
entries and dated states as Parquet for DuckDB and the big engines.

- cityfile.py: city.toml → engine.city.City and its problems, at their lines;
- fetch.py: each district's repository cloned or fetched at its ref (real git);
- districts.py: each district opened for a report, or left out with a located
  problem, the others unaffected;
- export.py: Parquet files of entries and weekly goal states (pyarrow, optional);
- sql.py: a query over an export with DuckDB (optional).
"""
