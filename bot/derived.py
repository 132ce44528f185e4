"""The lines a reply adds under the facts of a group: the sum, the difference or the gap between
two parts the KB declares (knowledge/groups.yaml; `kb check` proves each
from the parts' figures), shown as the article writes numbers."""

from __future__ import annotations

from bot.figures import as_written
from bot.kb import Group, Messages


def derived_lines(
    messages: Messages, group: Group | None, with_total: bool, with_difference: bool
) -> list[str]:
    lines = []
    if with_total and group is not None and group.total is not None:
        total = group.total
        shown = _written(total.formula, "+", " + ")
        lines.append(messages.total_line.format(formula=shown, value=total.value, unit=total.unit))
    elif with_total:
        lines.append(messages.total_none)  # parts that count different things: no sum
    if with_difference and group is not None:
        # what remains of a whole, or (a group of two alike parts) how far apart they are
        rest = group.difference or group.gap
        line = messages.difference_line if group.difference else messages.gap_line
        if rest is not None:
            shown = _written(rest.formula, "-", " − ")
            lines.append(line.format(formula=shown, value=rest.value, unit=rest.unit))
    return lines


def _written(formula: str, sign: str, shown_sign: str) -> str:
    """ "1066 + 11" as the article writes numbers: "1.066 + 11"."""
    return shown_sign.join(as_written(term.strip()) for term in formula.split(sign))
