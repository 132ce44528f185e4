"""A question dictated by voice after a long run-on preamble, as older people say "I" ("… bà
hỏi cháu cái bài này ai viết đấy"), relay it ("nó gọi điện về hỏi bà là …") or forgot it
("… mà quên mất số người …"): answered as the bare question, through `ask --json`."""

from __future__ import annotations

from conftest import ask_json


def test_the_question_after_an_elders_ask_is_answered():
    author, date = ask_json(
        "cháu ơi ông đang ngồi uống nước đọc báo mà không có kính ông hỏi cháu bài này ai viết",
        "bác cảm ơn cháu hôm trước nhé hôm nay bác hỏi bài báo này đăng ngày nào thế",
    )
    assert author["intents"] == ["article_author"]
    assert date["intents"] == ["article_date"]


def test_a_relayed_or_forgotten_question_is_answered():
    relayed, forgotten = ask_json(
        "thằng cháu nó làm ở huyện nó gọi về hỏi bà là huyện có bao nhiêu đảng viên",
        "tôi đang viết thư cho con mà quên mất số người được cử đi học thạc sĩ là bao nhiêu",
    )
    assert relayed["intents"] == ["party_members"]
    assert forgotten["intents"] == ["masters_sent"]
