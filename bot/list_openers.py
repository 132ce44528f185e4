"""What the first piece of a list may be instead of an item: where the rest counts ("trong tổng
số người làm ở huyện, số có bằng đại học …"), its topic ("với cấp xã, …"), or when it is asked
of ("Sau khi đào tạo, …", "Những năm trước, …")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.in_scope import names_only_the_place
from bot.phrases import joined, phrase_at, spans

if TYPE_CHECKING:
    from bot.reading import Reader
    from bot.understanding import Clause


def sets_where(reader: Reader, item: Clause) -> bool:
    """The piece sets where the rest counts, or its topic: no list at all."""
    question = reader.words(item.text)
    cues = joined(reader.reading.part_of_cues, reader.reading.topic_markers)
    return any(a == 0 for a, _ in spans(question.folded, cues, question.tokens))


def frame_alone(reader: Reader, item: Clause) -> bool:
    """A time frame alone ("Sau khi đào tạo"; not "…, huyện cử …", cut with it), or the article
    named alone ("quay lại bài: …"): no item."""
    question = reader.words(item.text)
    frame = phrase_at(question.folded, reader.reading.frame_openers, question.tokens, 0)
    alone = "," not in item.text
    return alone and (frame > 0 or names_only_the_place(reader, reader.match(item.text)))
