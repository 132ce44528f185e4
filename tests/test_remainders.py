"""What remains of the whole once a part is taken away, as a user meets it through `ask --json`:
the reply works it out from the whole and the part (groups.yaml `difference`, proven by `kb
check`) and names both facts; a "rather than" is no remainder asked; a comparison "with each
other" after one figure sets it beside the one named."""

from __future__ import annotations

from conftest import ask_json


def test_a_remainder_names_the_whole_and_the_part_it_is_worked_from():
    not_members, no_degree, unmarked = ask_json(
        "bao nhieu nguoi khong phai dang vien, tinh giup cai",
        "Trong 1.999 người thì bao nhiêu người chưa có trình độ đại học trở lên?",
        "Bao nhiêu người chưa có trình độ đại học (lấy tổng trừ số có bằng)?",
    )
    assert not_members["intents"] == ["total_staff", "party_members"], not_members
    assert "1.287" in not_members["answer"], not_members
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
