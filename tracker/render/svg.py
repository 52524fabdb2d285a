"""Actual against trajectory as inline SVG geometry (numbers and labels only) for
HTML pages: a scale in the goal's units, the target and the report's date marked,
and a dot on the latest reading so even a single one shows."""

from __future__ import annotations

from tracker.views.model import Chart

WIDTH, HEIGHT = 360, 132
LEFT, RIGHT, TOP, BOTTOM = 44, 10, 16, 20  # room for the scale, the unit and the dates


def svg_chart(chart: Chart) -> dict:
    """Everything the template draws, in the SVG's own coordinates."""
    days = chart.days
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = max(1, (days[-1] - days[0]).days)
    values = [f for f in chart.actual if f is not None]
    # The target sits below the top so its label fits; overshoot widens the scale.
    top = max(1.0, *values) * 1.12 if values else 1.12

    def x(index: int) -> float:
        """Days are not evenly spaced (readings are added): place them by date."""
        return round(LEFT + (days[index] - days[0]).days / span * plot_w, 1)

    def y(fraction: float) -> float:
        return round(TOP + plot_h - max(0.0, min(fraction, top)) / top * plot_h, 1)

    plan_line = " ".join(f"{x(i)},{y(f)}" for i, f in enumerate(chart.expected))
    actual = [(x(i), y(f)) for i, f in enumerate(chart.actual) if f is not None]
    today_index = max(0, sum(1 for d in days if d <= chart.today) - 1)
    today_x = x(today_index)
    index_of = {d: i for i, d in enumerate(days)}
    dots = [
        (x(index_of[d]), y(chart.actual[index_of[d]]))
        for d in chart.readings
        if d in index_of and chart.actual[index_of[d]] is not None
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": TOP + plot_h,
        "trajectory": plan_line,
        "actual": " ".join(f"{px},{py}" for px, py in actual),
        "dots": dots,
        "ticks": [(y(f), label) for f, label in chart.ticks],
        "target_y": y(1.0),
        "target_label": chart.target_label,
        "today_x": today_x,
        "today_label": chart.today_label,
        # The date label reads leftward when today is in the right half.
        "today_anchor": "end" if today_x > LEFT + plot_w / 2 else "start",
        "today_label_x": round(today_x - 3 if today_x > LEFT + plot_w / 2 else today_x + 3, 1),
        "unit_label": chart.unit_label,
        "empty_label": "" if actual else chart.empty_label,
        "start": days[0].isoformat(),
        "end": days[-1].isoformat(),
    }
