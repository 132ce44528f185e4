"""`groups:` → Group: facts the article gives one figure per level (course, degree …), and the
sums a reply may state. A sum is declared with its formula; `kb check` proves it from the
figures of the parts, so no reply ever states a number that is not the article's or its sum."""

from __future__ import annotations

from bot.kb.evidence import numbers as numbers_in
from bot.kb.files import Section
from bot.kb.model import Group, Intent, Total
from bot.kb.source import FieldReader, LocatedDict, LocatedList, Problem
from bot.normalize import canonical_number

_FIELDS = frozenset(
    {
        "id",
        "by",
        "parts",
        "total",
        "unnamed",
        "difference",
        "remainder",
        "gap",
        "loose",
        "quoted",
        "cues",
    }
)


def read_groups(section: Section, problems: list[Problem]) -> list[Group]:
    if not isinstance(section.data, LocatedList):
        problems.append(Problem(section.path, section.line, "groups: must be a list"))
        return []
    groups = []
    for index, raw in enumerate(section.data):
        if not isinstance(raw, LocatedDict):
            line = section.data.line_of(index)
            problems.append(Problem(section.path, line, f"groups[{index}]: must be a mapping"))
            continue
        item = FieldReader(section.path, raw, f"groups[{index}]", problems)
        before = len(problems)
        item.unknown_keys(_FIELDS)
        group_id, by = item.text("id"), item.text("by")
        parts = item.section("parts")
        labels = {str(k): parts.text(str(k)) for k in parts.data} if parts else {}
        declared = _derived(item, "total")
        difference = _derived(item, "difference")
        gap = _derived(item, "gap")
        loose_section = item.section("loose") if "loose" in raw else None  # slot: its values
        loose = (
            {str(k): frozenset(loose_section.texts(str(k))) for k in loose_section.data}
            if loose_section
            else {}
        )
        quoted = item.texts("quoted", required=False)
        cues = tuple(tuple(c.split()) for c in item.texts("cues", required=False))
        if cues and difference is None:
            item.problem("cues", "cues: the words that ask a `difference`; it has none")
        unnamed = item.text("unnamed", required=False)
        remainder = item.text("remainder", required=False)
        if remainder is not None and difference is None:
            item.problem("remainder", "remainder: the value a `difference` counts; it has none")
        if unnamed not in (None, "all"):
            item.problem("unnamed", "unnamed: the only value is `all`")
        if len(problems) > before or not group_id or not by or len(labels) < 2:
            if len(labels) < 2 and parts is not None:
                item.problem("parts", "parts: a group has at least two intents")
            continue
        groups.append(
            Group(
                id=group_id,
                by=by,
                parts=tuple(labels),
                labels={k: v for k, v in labels.items() if v},
                total=declared,
                all_when_unnamed=unnamed == "all",
                difference=difference,
                remainder=remainder,
                gap=gap,
                loose=loose,
                quoted=quoted,
                cues=cues,
            )
        )
    return groups


def _derived(item: FieldReader, key: str) -> Total | None:
    section = item.section(key) if key in item.data else None
    if section is None:
        return None
    value, formula = section.text("value"), section.text("formula")
    unit = section.text("unit", required=False) or ""
    return Total(value, formula, unit) if value and formula else None


def check_groups(
    groups: list[Group], section: Section, intents: dict[str, Intent], problems: list[Problem]
) -> None:
    """Parts are intents that declare the slot `by`; a total is the sum of its parts' figures,
    a difference or a gap one figure less the others."""
    lines = {g.id: _line(section, index) for index, g in enumerate(groups)}

    def fail(group: Group, message: str) -> None:
        problems.append(Problem(section.path, lines[group.id], f"group {group.id}: {message}"))

    for group in groups:
        for part in group.parts:
            if part not in intents:
                fail(group, f"parts: unknown intent {part!r}")
            elif group.by not in intents[part].slots:
                fail(group, f"by: {part} has no slot {group.by!r} to tell it from the others")
            elif group.remainder in intents[part].slots.get(group.by, ()):
                fail(group, f"remainder: {part} is {group.remainder} itself, not what remains")
        stated = {f for p in group.parts if p in intents for f in intents[p].figures}
        if group.quoted and (not set(group.quoted) < set(group.parts) or group.difference is None):
            fail(group, "quoted: some parts of a group with a `difference`, not all of them")
        elif group.quoted:  # the others' figures, written in the answers quoted
            written = " ".join(intents[p].answer for p in group.quoted if p in intents)
            shown = set(numbers_in(written))
            for term in group.difference.formula.split("-"):
                if term.strip() not in shown:
                    fail(group, f"quoted: {term.strip()} is not in the answers quoted")
        for key, sign, derived in (
            ("total", "+", group.total),
            ("difference", "-", group.difference),
            ("gap", "-", group.gap),
        ):
            if derived is None:
                continue
            terms = [t.strip() for t in derived.formula.split(sign)]
            if not all(t.isdigit() for t in terms):
                fail(group, f"{key}: {derived.formula!r} is not whole numbers joined by {sign}")
                continue
            numbers = [int(t) for t in terms]
            result = sum(numbers) if sign == "+" else numbers[0] - sum(numbers[1:])
            if key == "gap" and (len(numbers) != 2 or len(group.parts) != 2):
                fail(group, "gap: one part's figure less the other's, in a group of two parts")
            elif str(result) != canonical_number(derived.value):
                fail(group, f"{key}: {derived.formula} is not {derived.value}")
            for term in terms:
                if term not in stated:
                    fail(group, f"{key}: {term} is no figure of its parts (their `figures:`)")


def _line(section: Section, index: int) -> int:
    data = section.data
    return data.line_of(index) if isinstance(data, LocatedList) else section.line
