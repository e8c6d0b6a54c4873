"""Writing benchmark results: a Markdown table (printed too) and a PNG bar chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

RESULTS = Path(__file__).parent / "results"


def markdown_table(rows: Mapping[str, Mapping[str, float | str]], columns: Sequence[str]) -> str:
    lines = [
        "| method | " + " | ".join(columns) + " |",
        "|---|" + "---:|" * len(columns),
    ]
    for name, row in rows.items():
        cells = []
        for column in columns:
            value = row.get(column, "—")
            cells.append(f"{value:.3f}" if isinstance(value, float) else str(value))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write(name: str, text: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.md"
    path.write_text(text.rstrip() + "\n", encoding="utf-8")
    return path


def bar_chart(
    rows: Mapping[str, Mapping[str, float | str]],
    metrics: Sequence[str],
    title: str,
    name: str,
) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    RESULTS.mkdir(exist_ok=True)
    methods = list(rows)
    width = 0.8 / len(methods)
    figure, axis = plt.subplots(figsize=(7.5, 4))
    for index, method in enumerate(methods):
        values = [float(rows[method].get(m, 0.0) or 0.0) for m in metrics]
        positions = [i + index * width for i in range(len(metrics))]
        bars = axis.bar(positions, values, width, label=method)
        axis.bar_label(bars, fmt="%.2f", fontsize=7)
    axis.set_xticks([i + width * (len(methods) - 1) / 2 for i in range(len(metrics))], metrics)
    axis.set_ylim(0, 1.25)
    axis.set_title(title)
    axis.legend(fontsize=8, loc="upper center", ncol=2)
    figure.tight_layout()
    path = RESULTS / f"{name}.png"
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path
