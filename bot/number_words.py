"""Numbers written in words ("ba mươi lăm tuổi", "một trăm mười lăm người", "một nghìn tám trăm
lượt") read as digits.

Only a compound is read, anchored by a word for ten, a hundred or a thousand: a digit word alone
("ba", "năm", "một") is as often something else (a father, a year, "a")."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from bot.recent import ByIdentity

Roles = Mapping[str, str]  # folded word → "1".."9", "tens" (mười, mươi), "hundred", "thousand",
# "zero" (lẻ, linh; không before trăm)


def with_digits(
    text: str, roles: Roles, fold: Callable[[str], str], folded: Sequence[str] | None = None
) -> str:
    """`text` as written but for its compound number words, in digits ("chưa quá ba mươi lăm
    tuổi?" → "chưa quá 35 tuổi?"): what every reader of a message, not only the matcher, sees.
    `folded`: its words (\\w+) lowercased and folded, when known."""
    anchors = _anchors(roles)
    if folded is None:
        folded = [fold(w.lower()) for w in _WORDS.findall(text)]
    if (not anchors or anchors.isdisjoint(folded)) and not _figure_named(folded, roles):
        return text  # most messages: no word for ten or a hundred, nothing to read
    pieces = _PIECES.findall(text)
    out: list[str] = []
    i = 0
    while i < len(pieces):
        run = [i]  # words separated by spaces only, as many as the longest number has
        while len(run) < _LONGEST and run[-1] + 2 < len(pieces) and pieces[run[-1] + 1].isspace():
            run.append(run[-1] + 2)
        words = [pieces[k] for k in run if pieces[k][:1].isalnum()]
        if len(words) != len(run) or not words:
            out.append(pieces[i])
            i += 1
            continue
        found = _number_at([fold(w.lower()) for w in words], 0, roles)
        if found is None and len(words) >= 2 and _named_alone(out, words, roles, fold):
            found = (int(roles[fold(words[0].lower())]), 1)  # "cái số sáu người ấy"
        if found is None:
            out.append(pieces[i])
            i += 1
            continue
        value, used = found
        out.append(str(value))
        i = run[used - 1] + 1
    return "".join(out)


# a digit word alone is a figure when named as one: after "số", before whom it counts ("cái số
# sáu người ấy là những ai": the 6)
_FIGURE_WORD = "so"
_COUNTED = frozenset({"nguoi", "ng", "luot"})


def _figure_named(folded: Sequence[str], roles: Roles) -> bool:
    """Whether the words name a figure by one digit word ("số sáu người")."""
    return any(
        a == _FIGURE_WORD and roles.get(b, "").isdigit() and c in _COUNTED
        for a, b, c in zip(folded, folded[1:], folded[2:], strict=False)
    )


def _named_alone(
    out: list[str], words: list[str], roles: Roles, fold: Callable[[str], str]
) -> bool:
    """Whether `words` open with a digit word named as a figure: "số" just before it (the last
    word written out), whom it counts right after."""
    before = next((fold(p.lower()) for p in reversed(out) if p[:1].isalnum()), "")
    first, after = fold(words[0].lower()), fold(words[1].lower())
    return before == _FIGURE_WORD and roles.get(first, "").isdigit() and after in _COUNTED


def _anchors_of(roles: Roles) -> frozenset[str]:
    """The words for ten, a hundred and a thousand: a compound number holds one."""
    return frozenset(w for w, role in roles.items() if role in ("tens", "hundred", "thousand"))


# the tables live as long as their KB: found by identity (the set was ~0.6 µs a message)
_anchors = ByIdentity(_anchors_of)
_PIECES = re.compile(r"\w+|\W+")
_WORDS = re.compile(r"\w+")
_LONGEST = 9  # words of the longest number read ("một nghìn chín trăm chín mươi chín")


def _number_at(folded: list[str], i: int, roles: Roles) -> tuple[int, int] | None:
    def role(at: int) -> str:
        return roles.get(folded[at], "") if at < len(folded) else ""

    total, j, anchored = 0, i, False
    if role(j).isdigit() and role(j + 1) == "thousand":  # "một nghìn …"
        total, j, anchored = int(role(j)) * 1000, j + 2, True
        if role(j) == "zero" and role(j + 1) == "hundred":  # "… không trăm sáu mươi sáu"
            j += 2
        elif role(j) == "zero" and role(j + 1).isdigit():  # "một nghìn lẻ năm"
            return total + int(role(j + 1)), j + 2
    if role(j).isdigit() and role(j + 1) == "hundred":  # "(… nghìn) một trăm …"
        total, j, anchored = total + int(role(j)) * 100, j + 2, True
        if role(j) == "zero" and role(j + 1).isdigit():  # "một trăm lẻ năm"
            return total + int(role(j + 1)), j + 2
        if role(j).isdigit() and role(j + 1).isdigit() and role(j + 2) != "hundred":
            return total + int(role(j)) * 10 + int(role(j + 1)), j + 2  # "hai trăm chín tư"
    if role(j).isdigit() and role(j + 1) == "tens":  # "ba mươi", "… trăm hai mươi"
        total, j = total + int(role(j)) * 10, j + 2
    elif role(j) == "tens" and not (j > 0 and role(j - 1).isdigit()):  # "mười", "mười lăm"
        total, j = total + 10, j + 1
    elif not anchored:
        return None
    else:
        return total, j
    if role(j).isdigit():
        total, j = total + int(role(j)), j + 1
    return total, j
