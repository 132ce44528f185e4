"""Numbers written in words, as a user meets them through `ask`, and the reading itself."""

from __future__ import annotations

import pytest
from conftest import ask_json

from bot.answer import Responder
from bot.normalize import fold
from bot.number_words import with_digits


@pytest.fixture(scope="module")
def digits():
    tables = Responder.load().kb.tables
    return lambda text: with_digits(text, tables.number_roles, lambda w: fold(w, tables))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("chưa quá ba mươi lăm tuổi?", "chưa quá 35 tuổi?"),
        ("số một trăm mười lăm là gì", "số 115 là gì"),
        ("hai mươi mốt người, mười người", "21 người, 10 người"),
        ("một trăm lẻ năm", "105"),
        ("ba tram nguoi", "300 nguoi"),  # typed without diacritics
        ("năm 2011 cả ba cấp", "năm 2011 cả ba cấp"),  # a digit word alone stays a word
        ("một nghìn tám trăm lượt", "1800 lượt"),
        ("một ngàn không trăm sáu mươi sáu người", "1066 người"),
        ("một nghìn chín trăm chín mươi chín", "1999"),
        ("có hơn hai mươi không", "có hơn 20 không"),  # "không" after a number still asks
    ],
)
def test_compound_number_words_become_digits_and_nothing_else_changes(digits, text, read):
    assert digits(text) == read


def test_a_question_with_a_number_in_words_is_answered_and_keeps_its_own_text():
    replies = ask_json(
        "cấp xã có mấy lãnh đạo trẻ chưa tới ba mươi lăm tuổi", "số một trăm mười lăm là gì"
    )
    assert [r["intents"] for r in replies] == [["young_leaders_commune"], ["qlnn_specialist"]]
    assert replies[0]["question"] == "cấp xã có mấy lãnh đạo trẻ chưa tới ba mươi lăm tuổi"


def test_a_figure_in_thousands_written_in_words_is_looked_up_and_a_rounded_one_read_as_its_own():
    meaning, share = ask_json(
        "một nghìn tám trăm lượt là bồi dưỡng cho ai",
        "Trong gần hai nghìn cán bộ công chức, phần làm ở xã, thị trấn là bao nhiêu người?",
    )
    assert meaning["intents"] == ["education_sector"]
    assert share["intents"] == ["commune_staff"]  # "gần hai nghìn" is the article's 1.999
