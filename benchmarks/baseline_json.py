"""Baseline for `tracker status --format json`: import click and json, print a document."""

import json

import click


@click.command()
def main():
    rows = [{"id": f"goal.{i}", "title": f"目标 {i}", "progress": i / 30} for i in range(30)]
    click.echo(json.dumps({"schema": "baseline/1", "goals": rows}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
