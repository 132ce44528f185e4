"""Why the asker asks, or for whom, said before the question in one sentence ("cần ghi nguồn khi
đăng lại, bài này của báo nào?", "Thính giả ở xã Pú Nhi hỏi …", "Chị Hoa ở thị trấn hỏi …"):
understanding.yaml's `purpose_openers`, read past when the rest asks."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot import message_memo
from bot.normalize import clean
from bot.openers import requests
from bot.phrases import asks

if TYPE_CHECKING:
    from bot.reading import Reader

SENTENCE_END = re.compile(r"[.!?]\s")  # a sentence ends (and another follows)
# the asker's own commune pointed back at ("xã cháu", "xã họ"): the place named is asked of
_ITS_PLACE = re.compile(r"\b(xa|thon|phuong) (toi|minh|em|chau|tui|ho|con|bac|anh|chi|nha|do|ay)\b")
_ASKED_OF = re.compile(r"\b(hoi|muon biet|thac mac)( la| rang)?\W*$")  # a relayed question's verb


def without_purpose(reader: Reader, question: str, answered: Callable[[str], bool]) -> str | None:
    """The question without why it is asked (after a greeting too); None when nothing is read
    past. The opener is tried first on the whole message: "thính giả hỏi …" reads as a greeting
    ("Kính chào thính giả") though it relays a question."""
    if (kept := _past_purpose(reader, question, answered)) is not None:
        return kept
    pieces = message_memo.pieces(question, reader.kb.tables)
    if len(pieces) > 1 and reader.preambles.greetings.surely(pieces[0][0], only="greet"):
        return _past_purpose(reader, pieces[0][1], answered)
    return None


def _past_purpose(reader: Reader, question: str, answered: Callable[[str], bool]) -> str | None:
    cleaned = clean(question, reader.kb.tables)
    folded = message_memo.folded_text(cleaned, reader.kb.tables)  # positions hold
    for pattern in reader.reading.purpose_openers:
        found = pattern.match(folded)
        if found is None or found.end() >= len(folded):
            continue
        kept = cleaned[found.end() :]
        if _ITS_PLACE.search(folded, found.end()):
            continue  # "Cháu ở Mường Luân hỏi xã cháu có mấy đảng viên": of the place just named
        said = (kept.rstrip(" ?!."), cleaned[: found.end()])  # one sentence, either side
        if any(SENTENCE_END.search(part) for part in said):
            continue  # "… cần trích dẫn chính xác, không được sai tên. Người …": more said
        words = message_memo.words(reader.responder.matcher, kept)
        if asks(words, reader.reading) or requests(words, reader.reading):
            return kept
        if _ASKED_OF.search(found.group(0)) and answered(kept):
            return kept  # "Thính giả ở xã Pú Nhi hỏi số đảng viên": what is asked, named
    return None
