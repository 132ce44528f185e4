"""A relative's remark relayed by whoever types for them ("ông em bảo: 'cái máy này thông minh
hơn cả thằng cháu'", "ông khen huyện này nhiều cán bộ trẻ, hồi xưa toàn các cụ"): it tells, it
asks nothing, so it is acknowledged — read as a question, its words named facts at random
("thứ hai đầu tuần là ngày chào cờ" is no question of when the article was posted)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import message_memo
from bot.normalize import clean
from bot.openers import requests
from bot.phrases import asks

if TYPE_CHECKING:
    from bot.reading import Reader

# the words a remark quotes ("bảo: 'giáo viên là viên chức chứ có phải cán bộ đâu'"): what was
# said, its rhetorical "có phải … đâu" no question to the bot
_QUOTED = re.compile(r"[\"“'‘«][^\"”'’»]*[\"”'’»]")


def relays_a_remark(reader: Reader, text: str) -> bool:
    """Whether `text` opens by relaying what a relative says and asks nothing itself."""
    cleaned = clean(text, reader.kb.tables)
    lowered = cleaned.lower()
    frame = next((m for p in reader.reading.remark_frames if (m := p.search(lowered))), None)
    if frame is None or "?" in cleaned:
        return False
    said = _QUOTED.sub(" ", cleaned[frame.end() :])
    words = message_memo.words(reader.responder.matcher, said)
    return not (asks(words, reader.reading) or requests(words, reader.reading))
