"""Labelled question sets (eval/*.yaml) → cases: the data `python -m bot eval` scores.

Two shapes are read. The first sets are a list of `{q, intent, category}` (intent null: the
article does not answer it). Later sets are a mapping with `questions:` — each
`{q, expect: [ids…], category}`, where `expect` lists every fact a complete answer states
([] : not answered; [smalltalk]: any pleasantry) — `dialogues:` of turns read in one
conversation (`kind: followup | standalone` after the first), and optional `thresholds:`.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

import yaml

from bot.values import value_class

SMALLTALK = "smalltalk"


class EvalSetError(ValueError):
    """A question set that cannot be read, phrased as `file[:line]: what is wrong`."""


@value_class
class Case:
    question: str
    expect: tuple[str, ...]  # every fact a full answer gives; () out of scope
    category: str
    dialogue: int | None = None  # the conversation it is asked in, if any
    turn: int = 0

    @property
    def out_of_scope(self) -> bool:
        return not self.expect

    @property
    def smalltalk(self) -> bool:
        return self.expect == (SMALLTALK,)


@value_class
class Thresholds:
    """What a set must reach; the defaults are the first sets' (single facts only)."""

    correct: float = 0.90  # in-scope questions answered with exactly their facts
    wrong: float = 0.03  # in-scope questions answered with other facts (or only some)
    rejected: float = 0.90  # out-of-scope questions not answered
    several: float = 0.0  # questions asking for several facts, fully answered
    smalltalk: float = 0.0
    followups: float = 0.0  # dialogue turns after the first


@value_class
class EvalSet:
    path: Path
    cases: tuple[Case, ...]
    thresholds: Thresholds = field(default_factory=Thresholds)


# libyaml's loader, where PyYAML has it: the same data and marks, ~15 times faster over the
# sets (13 s of a minute's eval over every set went to parsing them)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_set(path: Path) -> EvalSet:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_LOADER)
    except OSError as error:
        raise EvalSetError(f"{path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise EvalSetError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise EvalSetError(f"{where}: {problem}") from None
    if isinstance(data, list):
        return EvalSet(path, tuple(_case(path, n, item) for n, item in enumerate(data, 1)))
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise EvalSetError(
            f"{path}: expected a list of questions, or a mapping with `questions:` (see bot/evalsets.py)"
        )
    cases = [_case(path, n, item) for n, item in enumerate(data["questions"], 1)]
    for d, dialogue in enumerate(data.get("dialogues") or [], 1):
        turns = dialogue.get("turns") if isinstance(dialogue, dict) else None
        if not isinstance(turns, list) or not turns:
            raise EvalSetError(f"{path}: dialogue {d}: needs a list of turns")
        for t, turn in enumerate(turns):
            category = "dialogue_first" if t == 0 else f"dialogue_{turn.get('kind', 'followup')}"
            case = _case(path, t + 1, {**turn, "category": category})
            cases.append(Case(case.question, case.expect, category, d, t))
    try:
        thresholds = Thresholds(**(data.get("thresholds") or {}))
    except TypeError as error:
        raise EvalSetError(f"{path}: thresholds: {error}") from None
    return EvalSet(path, tuple(cases), thresholds)


def _case(path: Path, number: int, item: object) -> Case:
    if not isinstance(item, dict) or "q" not in item or "category" not in item:
        raise EvalSetError(f"{path}: question {number}: needs q and category (and expect)")
    if "expect" in item:
        expect = item["expect"] or []
        if not isinstance(expect, list) or not all(isinstance(e, str) for e in expect):
            raise EvalSetError(f"{path}: question {number}: expect must be a list of intent ids")
    else:
        expect = [item["intent"]] if item.get("intent") else []
    return Case(str(item["q"]), tuple(expect), str(item["category"]))
