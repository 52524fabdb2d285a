"""Baseline for `tracker status`: import click and rich, print a 30-row rich table."""

import click
from rich.console import Console
from rich.table import Table


@click.command()
def main():
    table = Table(title="baseline")
    for name in ("id", "title", "progress", "value", "state", "deadline"):
        table.add_column(name)
    for i in range(30):
        table.add_row(
            f"goal.{i}", f"目标 {i}", "#####-----  50%", f"{i}/30", "on_track", "2020-12-31"
        )
    Console().print(table)


if __name__ == "__main__":
    main()
