"""Where a message speaks of a share: its words ("phần trăm", "tỷ lệ", "chiếm"), the whole it
is of ("so với tổng số"), and whether "chiếm" asks a count instead ("chiếm bao nhiêu người")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.phrases import spans

if TYPE_CHECKING:
    from bot.kb import KnowledgeBase
    from bot.reply import Reply

_COUNTED = frozenset({"nguoi", "can", "cong", "luot"})  # "người", "cán bộ", "công chức", "lượt"
# "chiếm bao nhiêu", "chiếm mấy": a bare ask after "chiếm", no share's word after it ("phần")
_BARE_ASKS = (("bao", "nhieu"), ("bao", "nhiu"), ("may",), ("bn",))
_SHARE_AFTER = frozenset({"phan"})  # "chiếm bao nhiêu phần" (other share words are markers)
_UNIT_WITHIN = 4  # words after "chiếm" a counted unit may come ("chiếm khoảng bao nhiêu người")


def _bare_ask(after: Sequence[str]) -> bool:
    """ "bao nhiêu", "mấy" right after "chiếm", and no share's word after them."""
    for ask in _BARE_ASKS:
        if tuple(after[: len(ask)]) == ask:
            return not _SHARE_AFTER & set(after[len(ask) : len(ask) + 2])
    return False


class ShareWords:
    """Where a message speaks of a share: its words ("phần trăm", "chiếm"), the whole it is of
    ("so với tổng số"), and a total right after a share ("… phần trăm tổng số cán bộ"), which
    is that whole, never a sum asked."""

    def __init__(self, kb: KnowledgeBase) -> None:
        conversation = kb.conversation
        self._markers = tuple(tuple(m.split()) for m in conversation.share_markers)
        self._wholes = tuple(tuple(m.split()) for m in conversation.whole_markers)
        self._totals = kb.understanding.total_cues
        # the words of a whole ("tổng", "số", "trên"): beside a share they say what it is of
        self.whole_words = frozenset(w for m in self._wholes for w in m)

    def wholes(self, folded: Sequence[str]) -> list[tuple[int, int]]:
        """(start, end) of each word of a whole, with or without a share's words: "trên tổng
        số bao nhiêu?" asks what the figure is out of, never a sum."""
        found = spans(folded, self._wholes)
        ends = {b for _, b in found}
        return (
            self.spans(folded)
            + found
            + [(a, b) for a, b in spans(folded, self._totals) if a in ends]
        )

    def counts_people(self, folded: Sequence[str], names_a_level: bool = False) -> bool:
        """ "chiếm bao nhiêu người": "chiếm" (take up) the only share word, a count after it;
        or "trong đó cấp xã chiếm bao nhiêu?": a level's people asked bare, no whole, no figure
        — how many of them, as people say it (a share asks "mấy phần trăm", "so với tổng")."""
        found = spans(folded, self._markers)
        if {tuple(folded[a:b]) for a, b in found} != {("chiem",)}:
            return False
        if any(w in _COUNTED for a, b in found for w in folded[b : b + _UNIT_WITHIN]):
            return True
        bare = all(_bare_ask(folded[b:]) for _, b in found)
        plain = not spans(folded, self._wholes) and not any(c.isdigit() for w in folded for c in w)
        return names_a_level and bare and plain

    def of_the_last(
        self, reply: Reply, folded: Sequence[str], earlier: Sequence[str], clauses: Sequence[object]
    ) -> bool:
        """After an answer, a message of one clause with a share's word and the whole it is of
        ("vậy tỉ lệ so với tổng CBCC?"): the share of the last answer, one figure asked."""
        if not earlier or reply.status != "answer" or len(clauses) != 1:
            return False
        return bool(spans(folded, self._markers)) and bool(spans(folded, self._wholes))

    def words(self, folded: Sequence[str]) -> set[str]:
        """The words of the share asked ("chiếm", "phần trăm"), none when it asks no share."""
        return {w for a, b in self.spans(folded) for w in folded[a:b]}

    def spans(self, folded: Sequence[str]) -> list[tuple[int, int]]:
        """(start, end) of each share word; empty when the message asks no share."""
        found = spans(folded, self._markers)
        if not found:
            return []
        found += spans(folded, self._wholes)
        ends = {b for _, b in found}
        return found + [(a, b) for a, b in spans(folded, self._totals) if a in ends]
