"""A best guess a little short of sure answers when what the question asks (a time, a source)
only it states among the close candidates; a joiner or another place still asks back."""

from conftest import ask_json


def test_a_source_asked_singles_out_the_newspaper() -> None:
    (reply,) = ask_json("tờ nào đăng tin này")
    assert reply["status"] == "answer"
    assert reply["intents"] == ["article_source"]


def test_everyday_words_for_publishing_ask_the_date() -> None:
    for question in ("tin này đưa lên ngày nào", "bài này publish khi nào"):
        (reply,) = ask_json(question)
        assert reply["status"] == "answer", question
        assert reply["intents"] == ["article_date"], question


def test_a_joiner_leaves_the_usual_rule_in_charge() -> None:
    (reply,) = ask_json("Tên bài báo và báo nào đăng?")
    assert reply["intents"] != ["article_source"]  # two things asked: never half of them


def test_a_time_asked_of_another_text_is_not_the_resolution() -> None:
    for question in ("Luật Cán bộ, công chức ban hành năm nào?", "Chủ tịch UBND huyện là ai?"):
        (reply,) = ask_json(question)
        assert reply["status"] != "answer", question


def test_who_drafted_a_document_is_what_the_article_never_says() -> None:
    (reply,) = ask_json("nghị quyết 03 do ai soạn thảo vậy")
    assert reply["status"] == "fallback"
    assert "soạn thảo" in reply["answer"]


def test_what_everyone_is_taught_a_little_under_the_bar_gets_every_level() -> None:
    (reply,) = ask_json("Cán bộ ở đây được đào tạo về nội dung gì vậy")
    assert reply["status"] == "answer"
    assert reply["intents"] == [
        "district_level_training",
        "commune_cadre_training",
        "commune_civil_servant_training",
    ]


def test_a_course_no_level_fact_speaks_of_still_asks_back() -> None:
    (reply,) = ask_json("Cao cấp lý luận chính trị học những môn gì?")
    assert reply["status"] != "answer"
