"""`python -m bot report`: what people asked and did not get, for the maintainer of the KB.

Unanswered questions (fallbacks and clarifications) are grouped by similarity of their normalized
text, most frequent first, each with the intent it came closest to; then the answers voted down.
`--csv` writes the groups as CSV instead, for a spreadsheet.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TextIO

from rapidfuzz import fuzz, process

from bot import startup
from bot.normalize import fold
from bot.store import StoreUnavailable, UnansweredRow, VoteRow, redacted
from bot.values import value_class

SIMILAR = 75  # token_sort_ratio (on text without diacritics) at which two unanswered questions count as one group


@dataclass
class Group:
    """Unanswered questions that say the same thing."""

    key: str
    questions: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    closest: Counter[str] = field(default_factory=Counter)
    scores: list[float] = field(default_factory=list)
    last_seen: datetime | None = None

    @property
    def count(self) -> int:
        return sum(self.questions.values())

    @property
    def example(self) -> str:
        return self.questions.most_common(1)[0][0]

    @property
    def closest_intent(self) -> str:
        return self.closest.most_common(1)[0][0] if self.closest else "—"

    @property
    def closest_score(self) -> float:
        return sum(self.scores) / len(self.scores) if self.scores else 0.0


def group_unanswered(rows: list[UnansweredRow]) -> list[Group]:
    """Greedy grouping: each question joins the first group it resembles, most frequent first."""
    by_text: dict[str, list[UnansweredRow]] = defaultdict(list)
    for row in rows:
        if row.outcome in ("fallback", "clarify") and row.question:
            by_text[fold(row.normalized or row.question.lower())].append(row)
    groups: list[Group] = []
    keys: list[str] = []
    for key, same in sorted(by_text.items(), key=lambda kv: -len(kv[1])):
        # the same words in any order (diacritics aside); a mere subset is another question
        found = process.extractOne(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR)
        if found is None:
            group = Group(key)
            groups.append(group)
            keys.append(key)
        else:
            group = groups[found[2]]
        for row in same:
            group.questions[row.question or key] += 1
            group.outcomes[row.outcome] += 1
            if row.candidates:
                group.closest[row.candidates[0][0]] += 1
                group.scores.append(row.candidates[0][1])
            if group.last_seen is None or row.created_at > group.last_seen:
                group.last_seen = row.created_at
    return sorted(groups, key=lambda g: (-g.count, g.key))


@value_class
class Downvoted:
    intent: str
    down: int
    up: int
    questions: tuple[str, ...]


def downvoted(votes: list[VoteRow], rows: list[UnansweredRow]) -> list[Downvoted]:
    ups, downs = Counter(), Counter()
    for vote in votes:
        (ups if vote.vote > 0 else downs)[vote.intent] += 1
    asked: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.outcome == "downvoted" and row.intent and row.question:
            asked[row.intent].append(row.question)
    return sorted(
        (Downvoted(i, downs[i], ups[i], tuple(dict.fromkeys(asked[i]))[:3]) for i in downs),
        key=lambda d: (-d.down, d.intent),
    )


def write_text(
    out: TextIO, groups: list[Group], votes: list[Downvoted], days: int, limit: int
) -> None:
    total = sum(g.count for g in groups)
    out.write(f"Unanswered questions, last {days} days: {total} in {len(groups)} group(s)\n")
    for rank, group in enumerate(groups[:limit], 1):
        outcomes = ", ".join(f"{k} {v}" for k, v in group.outcomes.most_common())
        out.write(
            f"{rank:3}. ×{group.count}  «{group.example}»  ({outcomes}; closest: "
            f"{group.closest_intent} {group.closest_score:.0f})\n"
        )
        for other, n in group.questions.most_common(4)[1:]:
            out.write(f"       also ×{n}: «{other}»\n")
    if len(groups) > limit:
        out.write(f"     … and {len(groups) - limit} more group(s) (--limit)\n")
    out.write(f"\nAnswers voted down, last {days} days:\n")
    if not votes:
        out.write("  none\n")
    for item in votes[:limit]:
        asked = "; ".join(f"«{q}»" for q in item.questions) or "questions not kept"
        out.write(f"  {item.intent}: 👎 {item.down} / 👍 {item.up} — asked as {asked}\n")


def write_csv(out: TextIO, groups: list[Group]) -> None:
    writer = csv.writer(out)
    writer.writerow(
        [
            "group",
            "count",
            "question",
            "normalized",
            "outcomes",
            "closest_intent",
            "closest_score",
            "last_seen",
        ]
    )
    for rank, group in enumerate(groups, 1):
        for question, count in group.questions.most_common():
            writer.writerow(
                [
                    rank,
                    count,
                    question,
                    group.key,
                    " ".join(f"{k}:{v}" for k, v in group.outcomes.items()),
                    group.closest_intent,
                    f"{group.closest_score:.1f}",
                    group.last_seen.isoformat() if group.last_seen else "",
                ]
            )


def run_report(days: int, as_csv: bool, limit: int, out: TextIO = sys.stdout) -> int:
    """Exit 2 (StartupError) when the store cannot be opened, 1 when it does not answer."""
    store = startup.open_store(startup.store_settings(), required=True)
    assert store is not None
    try:
        since = datetime.now(UTC) - timedelta(days=days)
        rows = store.unanswered_since(since)
        votes = store.votes_since(since)
    except StoreUnavailable as exc:
        print(f"report: cannot read {redacted(store.url)}: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close(timeout=2)
    groups = group_unanswered(rows)
    if as_csv:
        write_csv(out, groups)
    else:
        write_text(out, groups, downvoted(votes, rows), days, limit)
    return 0
