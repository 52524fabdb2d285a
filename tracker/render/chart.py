"""Actual against trajectory as a small text chart (terminal) — ASCII so it reads
the same piped, in mail and on a Windows console."""

from __future__ import annotations

from tracker.views.model import Chart


def text_chart(chart: Chart, *, height: int = 8) -> list[str]:
    """'.' the trajectory, '*' actual progress ('#' where they meet); y from 0 to 100 %."""
    days = chart.days
    width = len(days)
    grid = [[" "] * width for _ in range(height + 1)]

    def row(fraction: float) -> int:
        return height - round(max(0.0, min(1.0, fraction)) * height)

    for x, fraction in enumerate(chart.expected):
        grid[row(fraction)][x] = "."
    for x, fraction in enumerate(chart.actual):
        if fraction is not None:
            r = row(fraction)
            grid[r][x] = "#" if grid[r][x] == "." else "*"
    lines = []
    for r, cells in enumerate(grid):
        label = {0: "100%", height // 2: " 50%", height: "  0%"}.get(r, "    ")
        lines.append(f"{label} |{''.join(cells)}")
    lines.append("     +" + "-" * width)
    start, end = days[0].isoformat(), days[-1].isoformat()
    lines.append("      " + start + " " * max(1, width - len(start) - len(end)) + end)
    lines.append("      " + chart.legend)
    return lines
