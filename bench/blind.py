"""Every eval set's first, blind run beside today's figures: the Markdown tables and the plot.

    python -m bench.blind              # print the tables (the README's Evaluation section)
    python -m bench.blind --plot FILE  # and draw every set, first run against today

The first runs are data (bench/first-runs.yaml): once a set's mistakes have been read, it can
no longer give a blind figure, so the first one is kept as it was measured. Today's figures are
measured here, with the same scorers: `python -m bot eval` for the sets of one fact per
question, `bench.categories` for the blind sets (several facts, totals, dialogues).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.categories import SEVERAL, SINGLE, score
from bot.answer import Responder
from bot.evalsets import load_set
from bot.evaluate import evaluate, summarize
from bot.paths import EVAL_DIR

FIRST_RUNS = Path(__file__).with_name("first-runs.yaml")
BLIND_COLUMNS = ("single", "several", "wrong", "refused", "smalltalk", "followups")
BLIND_HEADERS = (
    "one fact correct",
    "several facts, every part",
    "wrong (incl. half answers)",
    "out of scope & unstated refused",
    "smalltalk",
    "follow-up turns",
)


@dataclass(frozen=True)
class Figures:
    name: str
    first: dict[str, float]
    today: dict[str, float]
    note: str = ""


def first_runs() -> dict:
    return yaml.safe_load(FIRST_RUNS.read_text(encoding="utf-8"))


def measure(newest_only: bool = False) -> tuple[list[Figures], list[Figures]]:
    """(sets of one fact per question, blind sets), each with its first run and today's;
    `newest_only`: of the blind sets, the one added last (a smoke test's minute)."""
    data = first_runs()
    responder = Responder.load()
    first_sets = []
    for name, first in data["first_sets"].items():
        summary = summarize(evaluate(responder, load_set(EVAL_DIR / name).cases))
        today = {
            "correct": summary.correct_rate,
            "wrong": summary.wrong_rate,
            "refused": summary.rejected_rate,
        }
        note = first.pop("note", "")
        first_sets.append(Figures(name, first, today, note))
    blind_sets = []
    blind = list(data["blind_sets"].items())
    for name, first in blind[-1:] if newest_only else blind:
        note = first.pop("run", "")
        blind_sets.append(Figures(name, first, _blind_today(EVAL_DIR / name), note))
    return first_sets, blind_sets


def _blind_today(path: Path) -> dict[str, float]:
    by, _ = score(path)

    def rate(categories: tuple[str, ...], *keys: str) -> float:
        total = sum(sum(by[c].values()) for c in categories)
        return sum(by[c][k] for c in categories for k in keys) / total if total else float("nan")

    return {
        "single": rate(SINGLE, "correct"),
        "several": rate(SEVERAL, "correct"),
        "wrong": rate(SINGLE + SEVERAL, "wrong", "partial"),
        "refused": rate(("out_of_scope", "unstated"), "refused"),
        "smalltalk": rate(("smalltalk",), "correct"),
        "followups": rate(("dlg_followup",), "correct"),
    }


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def tables(first_sets: list[Figures], blind_sets: list[Figures]) -> list[str]:
    lines = [
        "| set | first run, blind (correct / wrong / out of scope refused) | today |",
        "| --- | --- | --- |",
    ]
    for f in first_sets:
        keys = ("correct", "wrong", "refused")
        first = " / ".join(_pct(f.first.get(k)) for k in keys) if f.first else "—"
        note = f" ({f.note})" if f.note else ""
        lines.append(
            f"| `{f.name}`{note} | {first} | {' / '.join(_pct(f.today[k]) for k in keys)} |"
        )
    lines += [
        "",
        "| set: first run → today | " + " | ".join(BLIND_HEADERS) + " |",
        "| --- |" + " --- |" * len(BLIND_HEADERS),
    ]
    for f in blind_sets:
        cells = [f"{_pct(f.first.get(k))} → {_pct(f.today[k])}" for k in BLIND_COLUMNS]
        lines.append(f"| `{f.name}` (first run: {f.note}) | " + " | ".join(cells) + " |")
    return lines


def plot(first_sets: list[Figures], blind_sets: list[Figures], path: Path) -> None:
    """Every set, first run against today: one-fact correct and wrong answers."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [f.name.removesuffix(".yaml") for f in first_sets + blind_sets]
    correct = [(f.first.get("correct"), f.today["correct"]) for f in first_sets]
    correct += [(f.first.get("single"), f.today["single"]) for f in blind_sets]
    wrong = [(f.first.get("wrong"), f.today["wrong"]) for f in first_sets + blind_sets]
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.2))
    for ax, pairs, title in (
        (axes[0], correct, "one fact asked: correct"),
        (axes[1], wrong, "wrong (blind sets: half answers included)"),
    ):
        xs = range(len(names))
        firsts = [p[0] * 100 if p[0] is not None else 0 for p in pairs]
        todays = [p[1] * 100 for p in pairs]
        ax.bar([x - 0.2 for x in xs], firsts, 0.4, label="first run (blind)", color="#bbbbbb")
        ax.bar([x + 0.2 for x in xs], todays, 0.4, label="today", color="#2a7ab9")
        ax.set_xticks(list(xs), names, rotation=30, ha="right")
        ax.set_ylabel("%")
        ax.set_title(title)
    axes[0].legend(loc="lower right")
    fig.suptitle("Every eval set: its first, blind run and today")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plot", type=Path, help="also draw the plot to this PNG file")
    args = parser.parse_args()
    first_sets, blind_sets = measure()
    print("\n".join(tables(first_sets, blind_sets)))
    if args.plot:
        plot(first_sets, blind_sets, args.plot)


if __name__ == "__main__":
    main()
