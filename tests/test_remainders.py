"""What remains of the whole once a part is taken away, as a user meets it through `ask --json`:
the reply works it out from the whole and the part (groups.yaml `difference`, proven by `kb
check`) and names both facts; a "rather than" is no remainder asked; a comparison "with each
other" after one figure sets it beside the one named."""

from __future__ import annotations

from conftest import ask_json


def test_a_remainder_names_the_whole_and_the_part_it_is_worked_from():
    not_members, english, no_degree, unmarked = ask_json(
        "bao nhieu nguoi khong phai dang vien, tinh giup cai",
        "How many cadres are NOT party members? i.e. total staff minus party members?",
        "Trong 1.999 người thì bao nhiêu người chưa có trình độ đại học trở lên?",
        "Bao nhiêu người chưa có trình độ đại học (lấy tổng trừ số có bằng)?",
    )
    assert not_members["intents"] == ["total_staff", "party_members"], not_members
    assert "1.287" in not_members["answer"], not_members
    assert english["intents"] == ["total_staff", "party_members"], english
    for reply in (no_degree, unmarked):
        assert reply["intents"] == ["total_staff", "university_degree_now"], reply
        assert "1.999 − 1.066 − 11 = 922" in reply["answer"], reply


def test_rather_than_and_a_bare_no_are_no_remainder():
    (current,) = ask_json(
        "Em đang so sánh education level của civil servants giữa vài huyện, cần số liệu hiện tại"
        " chứ không phải số được cử đi học. Vậy hiện nay có bao nhiêu người có trình độ đại học?"
    )
    assert current["intents"] == ["university_degree_now"], current
    assert "Còn lại" not in current["answer"], current
    *_, closing = ask_json(
        "Hiện có nhiêu người trên đại học á?",
        "mà trong đó tiến sĩ mấy người?",
        "hông có hả, dzậy thôi cảm ơn nè",
        conversation="no-doctors",
    )
    assert closing["status"] != "answer", closing


def test_a_gap_with_each_other_after_one_figure_is_between_it_and_the_one_named():
    _, gap = ask_json(
        "Huyện Điện Biên Đông có mấy người trình độ trên đại học?",
        "vậy mà cử đi học thạc sĩ tới 28 người, chênh nhau bao nhiêu?",
        conversation="gap",
    )
    assert gap["intents"] == ["postgraduate_now", "masters_sent"], gap
    assert "11" in gap["answer"] and "28" in gap["answer"], gap


def test_english_follow_ups_about_choosing_and_mass_training():
    _, selecting, mass = ask_json(
        "Who is quoted in the article?",
        "What did he say about selecting cadres for training?",
        "And is there still mass, unplanned sending of people to courses?",
        conversation="english",
    )
    assert selecting["intents"] == ["selection_criteria"], selecting
    assert mass["intents"] == ["no_mass_training"], mass


# (question, a figure that must never be in the reply): a review found each over-broad
NO_REMAINDER = [
    ("Có bao nhiêu người có trình độ đại học, trừ 11 người trên đại học?", "922"),
    ("Có bao nhiêu người có trình độ đại học không phải đảng viên?", "922"),
    ("Có 1.066 người có trình độ đại học, không phải 1.060 à?", "922"),
    ("Có bao nhiêu người có trình độ đại học mà chưa có bằng thạc sĩ?", "922"),
    ("Cho em hỏi huyện có bao nhiêu cán bộ công chức, em chưa có số liệu ạ", "1.705"),
    ("Hiện nay có bao nhiêu người có trình độ đại học, em chưa có số liệu này ạ", "922"),
]


def test_a_remainder_is_asked_by_its_own_words_only():
    replies = ask_json(*(question for question, _ in NO_REMAINDER))
    for reply, (question, never) in zip(replies, NO_REMAINDER, strict=True):
        assert never not in reply["answer"], (question, reply)


def test_a_gap_with_a_whole_named_or_asked_yes_or_no_is_no_gap_with_the_last_answer():
    _, whole, years = ask_json(
        "Có bao nhiêu đảng viên?",
        "Cán bộ cấp xã có 294 người, so với tổng số thì chênh nhau bao nhiêu?",
        "Số người học thạc sĩ các năm có chênh nhau nhiều không?",
        conversation="gaps",
    )
    assert "party_members" not in whole["intents"], whole
    assert "party_members" not in years["intents"], years


def test_a_remainder_of_its_own_words_after_several_facts_is_that_remainder():
    *_, rest = ask_json(
        "bao nhiêu cán bộ công chức, bao nhiêu đảng viên?",
        "còn trình độ đại học thì sao?",
        "trừ ra thì mấy người chưa có bằng đại học",
        conversation="without-degree",
    )
    assert rest["intents"] == ["total_staff", "university_degree_now"], rest
    assert "922" in rest["answer"], rest
