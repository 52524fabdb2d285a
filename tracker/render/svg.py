"""Actual against trajectory as inline SVG geometry (numbers only) for HTML pages."""

from __future__ import annotations

from tracker.views.model import Chart

WIDTH, HEIGHT, PAD = 320, 120, 6


def svg_chart(chart: Chart) -> dict:
    """Polylines of actual progress and the trajectory, and a line at `today`."""
    days = chart.days
    step = (WIDTH - 2 * PAD) / (len(days) - 1)

    def y(fraction: float) -> float:
        return round(HEIGHT - PAD - max(0.0, min(1.0, fraction)) * (HEIGHT - 2 * PAD), 1)

    plan_line = " ".join(f"{round(PAD + i * step, 1)},{y(f)}" for i, f in enumerate(chart.expected))
    actual_line = " ".join(
        f"{round(PAD + i * step, 1)},{y(f)}" for i, f in enumerate(chart.actual) if f is not None
    )
    today_index = sum(1 for d in days if d <= chart.today) - 1
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "trajectory": plan_line,
        "actual": actual_line,
        "today_x": round(PAD + max(0, today_index) * step, 1),
        "start": str(days[0]),
        "end": str(days[-1]),
    }
