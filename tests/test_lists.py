"""A list of things asked together, as a user types it through `ask`: items sharing one question
word, thanks around the list, an English contraction, a last item that is a noun and the word
asking about it."""

from __future__ import annotations

import pytest
from conftest import ask_json

from bot.answer import Responder

LISTS = [
    (
        "What's the article's date, author and view count? tks",
        ["article_date", "article_author", "article_views"],
    ),
    ("ngày đăng, tên bài, báo nào?", ["article_date", "article_title", "article_source"]),
    ("cảm ơn, tiêu đề, tác giả là gì", ["article_title", "article_author"]),
    # a request asks for the first item, a word of its own for the second; "e" is "em"
    ("cho em xin tiêu đề bài và tóm tắt nội dung luôn ạ", ["article_title", "article_summary"]),
    ("cho e xin tiêu đề bài và tóm tắt sơ sơ nội dung", ["article_title", "article_summary"]),
    # "cho mình xin" reads like a greeting, "tên báo" names the source: the one fact left
    (
        "Cho mình xin tên báo, ngày đăng và tác giả bài viết.",
        ["article_source", "article_date", "article_author"],
    ),
    # a list of counts whose first item opens with "tổng": that item's count, no sum of the rest
    (
        "tổng cán bộ công chức, số đảng viên, số có bằng đại học và số trên đại học",
        ["total_staff", "party_members", "university_degree_now", "postgraduate_now"],
    ),
    # the whole staff asked first with "tất cả": its own item, no sum of the degrees after it
    (
        "huyện có bn cán bộ tất cả, bn người có bằng đại học, bn người trên đại học",
        ["total_staff", "university_degree_now", "postgraduate_now"],
    ),
    # one clause torn between two facts, the other asking one of them: the first is the other
    (
        "Huyện chọn cán bộ đi học thế nào, có còn cử đi tràn lan không?",
        ["selection_criteria", "no_mass_training"],
    ),
]


def test_every_item_of_a_list_is_answered():
    replies = ask_json(*(question for question, _ in LISTS))
    for reply, (question, intents) in zip(replies, LISTS, strict=True):
        assert reply["status"] == "answer", (question, reply)
        assert reply["intents"] == intents, (question, reply)


@pytest.mark.parametrize(
    "question",
    [
        "cán bộ cấp xã, báo nào",  # a topic and a question of its own: no list of two facts
        "báo nào",  # alone it names no subject: asked back
    ],
)
def test_a_noun_and_its_question_word_alone_is_no_list(question):
    (reply,) = ask_json(question)
    assert reply["status"] != "answer" or len(reply["intents"]) == 1, reply


def test_both_titles_trained_when_the_question_names_neither():
    (reply,) = ask_json("có bao nhiêu người đi bồi dưỡng chức danh")
    assert reply["intents"] == ["party_secretary_training", "mttq_chairs"], reply


def test_ngoai_ra_after_one_title_gets_the_other_alone():
    first, second = ask_json(
        "bao nhiêu người đi bồi dưỡng chức danh bí thư, phó bí thư xã",
        "ngoài ra còn chức danh nào được cử đi bồi dưỡng nữa, mấy người",
        conversation="c",
    )
    assert first["intents"] == ["party_secretary_training"]
    assert second["intents"] == ["mttq_chairs"], second


def test_a_new_question_after_lets_ask_something_else_is_answered():
    (reply,) = ask_json("thôi hỏi cái khác, huyện có bao nhiêu đảng viên")
    assert reply["status"] == "answer" and reply["intents"] == ["party_members"], reply


@pytest.mark.parametrize(
    "question",
    [
        "Cán bộ được tập trung đào tạo những nội dung gì?",
        "cb cc ở đây dc cho đi học chủ yếu về mảng j",
    ],
)
def test_what_staff_study_naming_no_level_gets_every_level(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == [
        "district_level_training",
        "commune_cadre_training",
        "commune_civil_servant_training",
    ], reply


def test_a_why_question_near_the_training_facts_is_not_answered_with_them():
    (reply,) = ask_json("sao huyện phải chú trọng đào tạo cán bộ vậy")
    assert reply["status"] != "answer" or "district_level_training" not in reply["intents"]


def test_a_level_named_first_holds_for_a_later_clause_that_names_none():
    (reply,) = ask_json("cấp xã có bao nhiêu cb cc, bao nhiêu lãnh đạo chủ chốt trẻ dưới 35")
    assert reply["intents"] == ["commune_staff", "young_leaders_commune"], reply


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        ("Con số 1.066 nói lên điều gì?", ["university_degree_now"]),
        ("What does the number 26 refer to in this article?", ["advanced_llct"]),
        ("con số 712 nói về điều gì", ["university_sent", "party_members"]),
    ],
)
def test_a_figure_called_a_figure_is_asked_what_it_means(question, intents):
    (reply,) = ask_json(question)
    assert reply["status"] == "answer" and reply["intents"] == intents, reply


def test_two_levels_paired_by_lan_are_one_question_about_both():
    (reply,) = ask_json(
        "Cả huyện lẫn xã có tổng cộng bao nhiêu người học trung cấp lý luận chính trị?"
    )
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], reply
    assert "55 + 300 = 355" in reply["answer"]


def test_a_count_after_lan_is_still_an_item_of_its_own():
    (reply,) = ask_json(
        "Cho mình xin cả tổng số cán bộ công chức toàn huyện lẫn số ở cấp xã, thị trấn"
    )
    assert reply["intents"] == ["total_staff", "commune_staff"], reply


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        (
            "Người tuyến huyện học chính trị hệ trung cấp thì có bao nhiêu?",
            "intermediate_llct_district",
        ),
        ("trên huyện có mấy lãnh đạo trẻ dưới 35", "young_leaders_district"),
        ("tuyến xã có bao nhiêu người học trung cấp llct", "intermediate_llct_commune"),
    ],
)
def test_everyday_words_for_a_level_pick_that_level(question, intent):
    (reply,) = ask_json(question)
    assert reply["intents"] == [intent], reply


def test_ai_cung_anyone_asks_no_person():
    replies = ask_json(
        "Giờ còn kiểu ai cũng được gửi đi học bừa bãi không?",
        "huyện còn cho đi học kiểu ai muốn đi cũng được không",
        "ai viết bài này",
    )
    assert [r["intents"] for r in replies] == [
        ["no_mass_training"],
        ["no_mass_training"],
        ["article_author"],
    ], replies


def test_a_year_asked_what_it_means_is_shown_as_the_article_writes_it():
    (reply,) = ask_json("năm 2011 trong bài có ý nghĩa gì")
    assert reply["intents"] == ["resolution_03"], reply
    assert "2011" in reply["answer"] and "2.011" not in reply["answer"]


def test_a_person_named_before_ten_gi_asks_that_persons_name():
    writer, speaker = ask_json("ng viết bài nì tên j z", "người phát biểu trong bài tên gì")
    offered = writer["intents"] if writer["status"] == "answer" else writer["suggestions"]
    assert offered[:1] in (["article_author"], ["Ai là tác giả bài báo?"]), writer
    assert "article_title" not in speaker["intents"], speaker  # the speaker's name, not the title
    assert speaker["status"] == "answer" or speaker["suggestions"], speaker


ANNOUNCED = [
    (
        "cho hỏi 3 số: tổng cb cc, số đảng viên, số có bằng đại học",
        ["total_staff", "party_members", "university_degree_now"],
    ),
    (
        "Tôi cần ba con số: tổng cán bộ công chức, số đảng viên, và số có bằng đại học.",
        ["total_staff", "party_members", "university_degree_now"],
    ),
    # a request as an item's word, the whole unanswered: each item names its fact surely
    ("ngày đăng bài và tóm tắt nội dung giúp mình", ["article_date", "article_summary"]),
    # a dash cuts like a comma; a request around the list is no item
    (
        "tít bài, tác giả, lượt xem — gửi mình luôn nhé",
        ["article_title", "article_author", "article_views"],
    ),
]


def test_a_list_that_says_how_many_things_it_asks_gets_every_one():
    replies = ask_json(*(question for question, _ in ANNOUNCED))
    for reply, (question, intents) in zip(replies, ANNOUNCED, strict=True):
        assert reply["status"] == "answer", (question, reply)
        assert reply["intents"] == intents, (question, reply)


def test_an_announced_count_the_items_do_not_make_up_is_no_announced_list():
    items = Responder.load()._reader.items
    assert items.announced("cho hỏi 2 số: tổng cb cc, số đảng viên, số có bằng đại học") is None
    assert items.announced("cho hỏi 3 số: tổng cb cc, số đảng viên, số có bằng đại học")


def test_a_first_piece_that_sets_where_the_rest_counts_is_no_item():
    (reply,) = ask_json("trong tổng số người làm ở huyện, số có bằng đại học đã quá nửa chưa")
    assert "total_staff" not in reply["intents"]


def test_con_so_typed_with_diacritics_is_a_number_not_a_joiner():
    (reply,) = ask_json("gửi mình 2 con số: số đảng viên và số người học thạc sĩ")
    assert reply["intents"] == ["party_members", "masters_sent"], reply


def test_con_typed_as_con_still_asks_on():
    first, second = ask_json(
        "có bao nhiêu đảng viên", "còn số người học thạc sĩ?", conversation="con"
    )
    assert first["intents"] == ["party_members"], first
    assert second["intents"] == ["masters_sent"], second


def test_a_sentence_opening_with_a_joiner_asks_on():
    (reply,) = ask_json("Tác giả bài này là ai? Kèm theo ngày đăng bài.")
    assert reply["intents"] == ["article_author", "article_date"], reply


def test_a_question_before_cho_hoi_is_no_preamble():
    (reply,) = ask_json(
        "Có bao nhiêu đảng viên trong đội ngũ? Nhân tiện cho hỏi bài đăng ngày nào."
    )
    assert reply["intents"] == ["party_members", "article_date"], reply


def test_kem_theo_asks_for_what_follows_it():
    (reply,) = ask_json("bài đăng ngày nào, kèm theo tên người viết bài")
    assert reply["intents"] == ["article_date", "article_author"], reply


def test_how_two_facts_compare_gets_both():
    replies = ask_json(
        "số người học thạc sĩ và số người có trình độ trên đại học hiện nay khác nhau thế nào?",
        "cấp huyện học gì, cán bộ cấp xã học gì, giống nhau không?",
    )
    assert replies[0]["intents"] == ["masters_sent", "postgraduate_now"], replies[0]
    assert replies[1]["intents"] == ["district_level_training", "commune_cadre_training"], replies[
        1
    ]


def test_bao_nhiu_typed_short_is_a_question_word():
    (reply,) = ask_json("bao nhiu đảng viên, and how many người học thạc sĩ")
    assert reply["intents"] == ["party_members", "masters_sent"], reply


def test_a_subject_before_a_colon_and_levels_after_it_is_one_question_per_level():
    (reply,) = ask_json("Học trung cấp lý luận chính trị: cấp huyện mấy người, cấp xã mấy người?")
    assert reply["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], reply


def test_a_short_which_clause_naming_its_own_thing_is_a_second_question():
    """ "ai viết, báo nào?": "báo nào" answers a source the byline does not give; "…, ở đâu?"
    names no thing and still asks of the clause before."""
    both, where = ask_json("bài này ai viết, báo nào thế?", "học trung cấp LLCT, ở đâu?")
    assert both["intents"] == ["article_author", "article_source"]
    assert where["status"] != "answer"


def test_lan_luot_says_how_the_items_come_not_a_count_of_views():
    (reply,) = ask_json("cho tôi xin lần lượt: số đảng viên, số thạc sĩ được cử đi học")
    assert reply["intents"] == ["party_members", "masters_sent"]


def test_a_list_numbered_by_words_in_one_breath():
    """Typed by voice, no marks: "một là …, hai là …"; "thứ nhất …, thứ hai …"."""
    spoken, ordinal, alone = ask_json(
        "bác hỏi hai cái một là số đảng viên hai là số người đi học thạc sĩ",
        "thứ nhất tổng số cán bộ, thứ hai số đảng viên",
        "một là bao nhiêu đảng viên",
    )
    assert spoken["intents"] == ["party_members", "masters_sent"]
    assert ordinal["intents"] == ["total_staff", "party_members"]
    assert alone["intents"] == ["party_members"]  # one numbering word numbers nothing


def test_a_second_sentence_asking_its_own_fact_after_the_first():
    """ "… bao nhiêu? À thêm cả số … nữa.", "… ? Ngoài ra cho mình biết luôn số …": two facts,
    the second its own, not the first one's sibling."""
    added, besides = ask_json(
        "Có bao nhiêu người đi học thạc sĩ? À thêm cả số cán bộ có trình độ trên đại học nữa.",
        "Bao nhiêu đảng viên? Ngoài ra cho mình biết luôn số người đi học cao cấp lý luận chính trị.",
    )
    assert added["intents"] == ["masters_sent", "postgraduate_now"]
    assert besides["intents"] == ["party_members", "advanced_llct"]


def test_a_rank_is_no_numbered_list(responder):
    """ "thứ nhất hay thứ hai?" asks a rank: two numbering words with no item between them are
    left in place; a list said in one breath is cut before each."""
    from bot.enumerations import enumerated

    reading, tables = responder.understanding, responder.kb.tables
    rank = "huyện đứng thứ nhất hay thứ hai toàn tỉnh về số đảng viên?"
    assert enumerated(rank, reading, tables) == rank
    spoken = "bác hỏi một là số đảng viên hai là số thạc sĩ"
    assert enumerated(spoken, reading, tables) == "bác hỏi; số đảng viên; số thạc sĩ"


def test_a_bare_question_word_clause_asks_about_the_clause_before() -> None:
    """ "…, về cái gì?" names nothing: more of the resolution just asked about, no smalltalk."""
    (reply,) = ask_json("nghi quyet 03 cua huyen uy nam nao, ve cai gi")
    assert reply["intents"] == ["resolution_03"], reply
    (reply,) = ask_json("ai là người phát biểu trong bài")  # the speaker, however asked
    assert reply["intents"] == ["spokesperson"], reply


@pytest.mark.parametrize(
    ("question", "intents", "said"),
    [
        # a label before a colon sets the level of every item; items of one slot side by side
        (
            "Cấp huyện: bao nhiêu người học cao cấp LLCT, trung cấp LLCT và bồi dưỡng "
            "chương trình chuyên viên?",
            ["advanced_llct", "intermediate_llct_district", "qlnn_specialist"],
            ["26", "55", "115"],
        ),
        # a label, then counts each with its own noun: the label is no item of its own
        (
            "Cấp huyện: số học cao cấp LLCT, số học chuyên viên QLNN, số cán bộ chủ chốt dưới "
            "35 tuổi?",
            ["advanced_llct", "qlnn_specialist", "young_leaders_district"],
            ["26", "115", "10"],
        ),
        # only an opener before the colon; courses side by side, no question word at all
        (
            "pls give me: so nguoi hoc cao cap llct, trung cap llct cap huyen, trung cap llct cap xa",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
            ["26", "55", "300"],
        ),
        # a topic before the colon, then its levels asked each ("mỗi cấp"): no preamble
        (
            "Cán bộ chủ chốt dưới 35 tuổi: cấp huyện và cấp xã mỗi cấp có bao nhiêu người?",
            ["young_leaders_district", "young_leaders_commune"],
            ["10", "21"],
        ),
        # a topic marker ("Riêng") before the label: each piece a question of its own still
        (
            "Riêng cấp huyện: cao cấp LLCT bao nhiêu, trung cấp bao nhiêu, QLNN chuyên viên bao nhiêu?",
            ["advanced_llct", "intermediate_llct_district", "qlnn_specialist"],
            ["26", "55", "115"],
        ),
        # a course beside another, at no level named: every level the article gives it at
        (
            "Về lý luận chính trị: bao nhiêu người được học cao cấp, bao nhiêu người học trung cấp?",
            ["advanced_llct", "intermediate_llct_district", "intermediate_llct_commune"],
            ["26", "55", "300"],
        ),
        # a level before the question word sets it for every item joined after
        (
            "cấp huyện có bao nhiêu người học cao cấp llct và chương trình chuyên viên",
            ["advanced_llct", "qlnn_specialist"],
            ["26", "115"],
        ),
        # a last piece asking only for the sum: every item, and no sum the article never adds
        (
            "Cán bộ cấp huyện được cử đi học cao cấp LLCT, trung cấp LLCT và bồi dưỡng chương "
            "trình chuyên viên, cộng hết là bao nhiêu người?",
            ["advanced_llct", "intermediate_llct_district", "qlnn_specialist"],
            ["26", "55", "115", "không cộng gộp"],
        ),
    ],
)
def test_every_item_of_a_list_is_answered_with_the_level_its_label_names(question, intents, said):
    (reply,) = ask_json(question)
    assert reply["intents"] == intents
    assert all(s in reply["answer"] for s in said)
    assert "196" not in reply["answer"]  # 26 + 55 + 115: a sum of the bot's own


@pytest.mark.parametrize(
    ("question", "intents"),
    [
        # "kém" is weak here, no comparison: one fact, not a guess at "ở những mặt nào"
        ("Mấy năm trước cán bộ ở huyện này còn kém ở những mặt nào?", ["past_weakness"]),
        # a count asked of one item is never moved to a sibling with no figure
        (
            "Cán bộ công chức xã bao nhiêu người, công chức xã được đào tạo gì?",
            ["commune_staff", "commune_civil_servant_training"],
        ),
        # only an opener before the colon: no question of its own
        (
            "Can you tell me: số người đi học master, và số người now đã có bằng trên đại học?",
            ["masters_sent", "postgraduate_now"],
        ),
        # a request for one more thing after the question
        (
            "Số cán bộ chủ chốt dưới 35 tuổi ở huyện và ở xã là bao nhiêu? Cho luôn cả số đảng viên",
            ["young_leaders_district", "young_leaders_commune", "party_members"],
        ),
        # "đồng chí … cho biết" is who said it, not "tell me": the question before stays asked
        (
            "Tôi xin hỏi hai việc: một là Nghị quyết 03-NQ/HU đề cập đến công tác gì, hai là đồng "
            "chí Trưởng ban Tổ chức cho biết hàng năm kế hoạch đào tạo được xây dựng ra sao?",
            ["resolution_03", "annual_plan"],
        ),
        # office shorthand: "sl" số lượng, "tđ" trình độ
        (
            "cho mình sl cb có tđ đại học và trên đại học hiện nay",
            ["university_degree_now", "postgraduate_now"],
        ),
        # "cán bộ huyện" studying: the district's cadres, not every cadre of the district
        (
            "Số cán bộ huyện học cao cấp lý luận chính trị và số cán bộ huyện học trung cấp là "
            "bao nhiêu?",
            ["advanced_llct", "intermediate_llct_district"],
        ),
        (
            "công chức xã học gì vs cán bộ huyện học gì",
            ["commune_civil_servant_training", "district_level_training"],
        ),
        # "sã" for "xã" (s/x), read beside the word it pairs with
        (
            "bao nhiêu người cấp sã đi học trung cấp lý luận chính chị",
            ["intermediate_llct_commune"],
        ),
    ],
)
def test_each_thing_asked_and_nothing_else_however_it_is_typed(question, intents):
    (reply,) = ask_json(question)
    assert (reply["status"], reply["intents"]) == ("answer", intents)


@pytest.mark.parametrize(
    "question",
    [
        "Trong số cán bộ đó, dưới xã với thị trấn chiếm bao nhiêu người?",
        "Trong số cán bộ công chức của huyện, cấp xã, thị trấn chiếm bao nhiêu người?",
    ],
)
def test_a_first_piece_saying_where_the_rest_counts_is_no_item_of_a_list(question):
    (reply,) = ask_json(question)
    assert reply["intents"] == ["commune_staff"], reply
    assert "712" not in reply["answer"], reply  # never the party members beside it


def test_asking_to_be_told_closes_a_list_and_besides_opens_a_fact_of_its_own():
    told, besides = ask_json(
        "Huyện mình người học thạc sĩ mấy, người đảng viên mấy, nói cho em với?",
        "Bồi dưỡng chức danh bí thư, phó bí thư xã và chủ tịch MTTQ mỗi loại mấy người; ngoài ra"
        " cao cấp LLCT bao nhiêu người?",
    )
    assert told["intents"] == ["masters_sent", "party_members"], told
    assert besides["intents"] == ["party_secretary_training", "mttq_chairs", "advanced_llct"]
    first, then = ask_json(
        "mttq có mấy người đi bồi dưỡng",
        "ngoài ra cao cấp llct bao nhiêu người",
        conversation="besides",
    )
    assert first["intents"] == ["mttq_chairs"]
    assert then["intents"] == ["advanced_llct"], then


def test_an_announced_list_takes_a_level_and_a_role_alone_as_its_count():
    """ "3 cái: …, cb cc cấp xã, …" (typed with no space after the marks): the commune's staff is
    one of the three announced, no qualifier of the rest; a total is never asked of what the
    article does not count (the training each role is given)."""
    listed, unannounced = ask_json(
        "cho e hỏi 3 cái:tổng cb cc,cb cc cấp xã,số đảng viên",
        "tổng cb cc, cb cc cấp xã, số đảng viên",
    )
    assert listed["intents"] == ["total_staff", "commune_staff", "party_members"], listed
    assert "commune_cadre_training" not in unannounced["intents"], unannounced
    assert "commune_civil_servant_training" not in unannounced["intents"], unannounced


def test_a_course_named_once_at_the_end_is_asked_of_the_whole_districts_item_too():
    """ "bao nhiêu cán bộ huyện và bao nhiêu cán bộ xã học trung cấp?": the district's
    intermediate course, not its whole staff; an item naming its own thing keeps it."""
    shared, own = ask_json(
        "bao nhiêu cán bộ huyện và bao nhiêu cán bộ xã học trung cấp?",
        "Bao nhiêu cb cấp huyện học trung cấp LLCT; bao nhiêu người có trình độ trên ĐH hiện nay",
    )
    assert shared["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"], shared
    assert own["intents"] == ["intermediate_llct_district", "postgraduate_now"], own


def test_a_run_on_message_without_commas_asks_each_question_in_it():
    # voice typing: "… tên là gì đăng ngày nào có …" is three questions
    (reply,) = ask_json("bài này tiêu đề là gì đăng ngày nào có mấy lượt xem vậy")
    assert reply["status"] == "answer"
    assert reply["intents"] == ["article_title", "article_date", "article_views"]


def test_a_run_on_question_may_start_right_where_the_one_before_ends():
    # "… ngày nào bao nhiêu lượt xem": no word between the first question word and the second
    (reply,) = ask_json("bai bao nay dang ngay nao bao nhieu nguoi doc")
    assert reply["intents"] == ["article_date", "article_views"]


def test_items_numbered_with_digits_are_each_answered():
    (reply,) = ask_json(
        "bác hỏi 2 cái nhé. 1 là bài này ai viết. 2 là huyện có bao nhiêu đảng viên"
    )
    assert reply["status"] == "answer"
    assert reply["intents"] == ["article_author", "party_members"]
