"""What the forty-fifth session's blind sets met — a Tày shopkeeper ("Chủ tịch, bí thư xã thì
cho học cái gì chủ yếu?", "vậy là ít hơn ở xã à?"), a Sài Gòn journalist ("xã gấp đôi huyện luôn
hả?", "tổng cộng hai cái là 740 hả?") — through `ask --json` (one chat: `--conversation`), as a
user meets them."""

from __future__ import annotations

import pytest
from conftest import ask_json


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the commune's chairmen and secretaries are its cadres: what they study, never how
        # many chairs of the Front or secretaries were sent
        ("Chủ tịch, bí thư xã thì cho học cái gì chủ yếu?", ["commune_cadre_training"]),
        (
            "Mấy ông chủ tịch, bí thư dưới xã thì được cho học cái gì là chủ yếu?",
            ["commune_cadre_training"],
        ),
        # "tập trung vào cái gì": what is taught
        (
            "Cán bộ công chức cấp huyện thì được đào tạo tập trung vào cái gì em?",
            ["district_level_training"],
        ),
        # teachers named beside the sector's staff are one group, not two items
        (
            "Số thầy cô, viên chức ngành giáo dục được tập huấn mỗi năm là bao nhiêu lượt?",
            ["education_sector"],
        ),
        (
            "Thầy cô với viên chức bên giáo dục năm nào cũng được tập huấn, cỡ nhiêu lượt?",
            ["education_sector"],
        ),
        # "thưa" is a polite word, no "bí thư"
        ("thưa bạn số cán bộ công chức cấp xã", ["commune_staff"]),
        # "tóm tắt bài báo nói về cái gì": this article, not another one's summary
        ("Bạn tóm tắt giùm bài báo nói về cái gì được hông?", ["article_summary"]),
        # two clauses each asking its own: what is studied beside a goal, still both
        (
            "Mục tiêu đào tạo, với công chức xã học gì",
            ["training_goal", "commune_civil_servant_training"],
        ),
    ],
)
def test_what_is_asked_is_answered(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


@pytest.mark.parametrize("message", ["hay dữ ta 😆", "hay dữ vậy"])
def test_southern_praise_is_smalltalk(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk", reply
    assert reply["intents"] == ["compliment"]


def test_counts_of_those_named_are_no_answer_to_what_they_study():
    """ "Chủ tịch, bí thư xã": read as two items, each only counts those sent — never the
    answer to what they study (an honest "not sure" rather than two counts)."""
    (reply,) = ask_json("Chủ tịch, bí thư xã thì học cái gì là chính vậy ta?")
    assert "mttq_chairs" not in reply["intents"], reply
    assert "party_secretary_training" not in reply["intents"], reply


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        # a comparison word after "vậy là", or after the level it compares: both and the gap
        (
            ["cán bộ dưới 35 làm chủ chốt ở huyện mấy người", "vậy là ít hơn ở xã à?"],
            ["young_leaders_district", "young_leaders_commune"],
        ),
        (
            ["cán bộ dưới 35 làm chủ chốt ở huyện mấy người", "xã nhiều hơn à?"],
            ["young_leaders_district", "young_leaders_commune"],
        ),
        # both levels given, then compared by name: both again
        (
            [
                "cấp xã có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?",
                "cấp huyện?",
                "xã gấp đôi huyện luôn hả?",
            ],
            ["young_leaders_district", "young_leaders_commune"],
        ),
        # a share claimed of the figure just given is of it, whatever else says "half"
        (["bao nhiêu đảng viên?", "vậy là chưa được một nửa à?"], ["party_members"]),
        (
            ["có bao nhiêu người trình độ đại học?", "tức là hơn phân nửa hả?"],
            ["university_degree_now"],
        ),
        # a sum claimed ("… là 740 hả?"): the sum, which answers it
        (
            [
                "Bao nhiêu người được cử đi học đại học?",
                "vậy thạc sĩ thì sao",
                "tổng cộng hai cái là 740 hả?",
            ],
            ["university_sent", "masters_sent"],
        ),
        # after "Có phải bạn muốn hỏi «… cấp huyện …»?", "còn cấp xã?" goes on from it
        (
            [
                "Tôi nhớ có 62 cán bộ cấp huyện học trung cấp lý luận chính trị?",
                "còn cấp xã?",
            ],
            ["intermediate_llct_commune"],
        ),
    ],
)
def test_follow_ups_read_against_the_chat(turns, expected):
    replies = ask_json(*turns, conversation="session-45")
    assert replies[-1]["status"] == "answer", replies[-1]
    assert replies[-1]["intents"] == expected


def test_a_sum_claimed_is_given_with_its_figures():
    *_, summed = ask_json(
        "Bao nhiêu người được cử đi học đại học?",
        "vậy thạc sĩ thì sao",
        "tổng cộng hai cái là 740 hả?",
        conversation="sum-claimed",
    )
    assert "712 + 28 = 740" in summed["answer"], summed


@pytest.mark.parametrize(
    "turns",
    [
        ["tổng ba con số?"],  # no figure given yet
        ["bao nhiêu đảng viên", "tổng ba con số?"],  # one given, three summed
    ],
)
def test_a_sum_of_more_figures_than_given_is_not_answered(turns):
    """Never "tổng số" read as the district's whole staff: the chat has not given three."""
    replies = ask_json(*turns, conversation="more-than-given")
    assert replies[-1]["status"] == "fallback", replies[-1]
    assert "total_staff" not in replies[-1]["intents"]


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        # after the article's date, "it" is the article
        (
            ["Who wrote this article?", "when was it published?", "and what is it about?"],
            ["article_summary"],
        ),
        # whether a figure includes someone, asked of the one of two the words name
        (
            [
                "Hiện có bao nhiêu người có trình độ đại học?",
                "còn trên đại học?",
                "con số đại học đó có tính cả viên chức không?",
            ],
            ["university_degree_now"],
        ),
    ],
)
def test_what_a_follow_up_points_at(turns, expected):
    replies = ask_json(*turns, conversation="points-at")
    assert replies[-1]["status"] == "answer", replies[-1]
    assert replies[-1]["intents"] == expected


@pytest.mark.parametrize(
    "message",
    ["các lớp ấy do ai giảng dạy ạ?", "giảng viên là ai"],
)
def test_who_teaches_is_said_unstated(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply
    assert reply["answer"].startswith("Bài viết không nói về người giảng dạy"), reply


def test_a_food_recommendation_is_refused():
    (reply,) = ask_json("Gợi ý món đặc sản Điện Biên đi bro 😋")  # not the bot's own help
    assert reply["status"] == "fallback", reply


def test_all_of_a_state_of_things_is_no_province():
    """ "thêm cả tình trạng …": "cả tình" is no "cả tỉnh", so no refusal as another place."""
    (reply,) = ask_json(
        "tổng CBCC huyện với lại số CBCC xã, thêm cả tình trạng đội ngũ trước đây nữa"
    )
    assert "chỉ nói về huyện Điện Biên Đông" not in reply["answer"], reply


def test_a_goodbye_after_an_answer_is_a_goodbye():
    *_, bye = ask_json(
        "học xong cán bộ tốt lên thế nào?", "khách vào rồi, chị đi đây", conversation="bye"
    )
    assert bye["status"] == "smalltalk", bye
    assert bye["intents"] == ["goodbye"]


# what a review of the session's change found over-broad, kept as it was


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Ông Ngô Văn Thanh là ai đấy?", ["spokesperson"]),  # "đấy", no teacher asked
        ("ong ngo van thanh la ai day", ["spokesperson"]),
        # "mấy ông … đi bồi dưỡng, học gì": how many went, then what
        (
            "Có mấy ông bí thư xã được cử đi bồi dưỡng, học gì vậy?",
            ["party_secretary_training", "commune_cadre_training"],
        ),
        ("Huyện cử mấy ông đi học thạc sĩ, học ở trường nào?", ["masters_sent"]),
    ],
)
def test_nearby_questions_keep_their_answers(message, expected):
    (reply,) = ask_json(message)
    assert reply["status"] == "answer", reply
    assert reply["intents"] == expected


@pytest.mark.parametrize(
    "message",
    ["Cấp tỉnh hình như có bao nhiêu đảng viên?", "Tỉnh ủy hình như ban hành nghị quyết gì?"],
)
def test_the_province_is_still_out_of_scope(message):
    (reply,) = ask_json(message)
    assert reply["status"] == "fallback", reply


def test_a_remark_on_a_figure_is_no_compliment():
    (reply,) = ask_json("Số cán bộ nhiều dữ vậy?")
    assert reply["status"] != "smalltalk", reply


def test_moreover_is_no_share():
    """ "Hơn nữa" (moreover) opening the next question, never "hơn nửa" (more than half)."""
    *_, reply = ask_json(
        "Có bao nhiêu đảng viên?",
        "Hơn nữa, có bao nhiêu người học thạc sĩ?",
        conversation="hon-nua",
    )
    assert "masters_sent" in reply["intents"], reply
    assert "total_staff" not in reply["intents"], reply


def test_a_clarification_is_carried_on_only_by_a_value_of_its_own():
    """After "Có phải … cấp huyện … người trẻ?", "còn đại học?" is no commune's young cadres."""
    first, then = ask_json(
        "cấp huyện có bao nhiêu người trẻ", "còn đại học?", conversation="not-carried"
    )
    assert first["status"] == "clarify", first
    assert "young_leaders_commune" not in then["intents"], then


@pytest.mark.parametrize(
    ("message", "kind"),
    [("danke schön 🙏", "thanks"), ("guten Morgen", "greet"), ("tschüss!", "goodbye")],
)
def test_german_courtesy_is_smalltalk(message, kind):
    """A reader abroad mixing German in: thanks, a greeting, a goodbye — never a question."""
    (reply,) = ask_json(message)
    assert reply["status"] == "smalltalk", reply
    assert reply["intents"] == [kind]
