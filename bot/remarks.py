"""A relative's remark relayed by whoever types for them ("ông em bảo: 'cái máy này thông minh
hơn cả thằng cháu'", "ông khen huyện này nhiều cán bộ trẻ, hồi xưa toàn các cụ"): it tells, it
asks nothing, so it is acknowledged — read as a question, its words named facts at random
("thứ hai đầu tuần là ngày chào cờ" is no question of when the article was posted). Never a
remark: a figure to check ("ông em bảo huyện có 721 đảng viên"), a question quoted ("bà em bảo:
'bài này ai viết'"), or a request to whoever answers ("ông bảo cháu số đảng viên với")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.normalize import clean
from bot.openers import requests
from bot.phrases import asks
from bot.understanding import numbers_in

if TYPE_CHECKING:
    from bot.reading import Reader

# a quote that says what is not so ("'… chứ có phải cán bộ đâu'", "'làm gì có ai đi học …'"):
# its question words ask the bot nothing
_RHETORICAL = re.compile(
    r"[\"“'‘«](?=[^\"”'’»]*(?:\bđâu\s*[\"”'’»]|làm gì có|làm sao có|chứ có phải))[^\"”'’»]*[\"”'’»]"
)
_WORDS = re.compile(r"\w+")


def relays_a_remark(reader: Reader, text: str) -> bool:
    """Whether `text` opens by relaying what a relative says and asks nothing itself."""
    cleaned = clean(text, reader.kb.tables)
    lowered = cleaned.lower()
    frame = next((m for p in reader.reading.remark_frames if (m := p.search(lowered))), None)
    if frame is None or "?" in cleaned or numbers_in(cleaned):
        return False
    told = _WORDS.findall(lowered[frame.end() :])
    reading = reader.reading
    if not told or told[0] in reading.remark_requests or told[-1] in reading.request_particles:
        return False  # "ông bảo cháu số đảng viên với", "chú kể qua nội dung bài này đi"
    said = _RHETORICAL.sub(" ", cleaned[frame.end() :])
    words = message_memo.words(reader.responder.matcher, said)
    return not (asks(words, reader.reading) or requests(words, reader.reading))
