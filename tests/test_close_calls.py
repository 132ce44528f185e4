"""Close calls a user meets through `ask --json`, settled by what the question itself says: a
value it leaves unnamed, a figure it quotes, another value beside the one its question names, the
part a share is asked of, and words typed the way people type them (no marks, the Centre's
"rứa", a radio letter numbered "thứ nhất … thứ hai")."""

from __future__ import annotations

from conftest import ask_json

# (question, intents answered): each was asked back, answered in half or wrongly before
ANSWERED = [
    # no degree, course or subject named: the whole staff, not the graduates "now"
    ("Hiện nay cả huyện có tổng cộng bao nhiêu cán bộ công chức vậy?", ["total_staff"]),
    ("bây giờ toàn huyện có bao nhiêu cán bộ, công chức", ["total_staff"]),
    ("How many civil servants does Dien Bien Dong have?", ["total_staff"]),
    # a figure quoted picks the one close fact it is of
    ("300 người cấp xã là ai", ["intermediate_llct_commune"]),
    ("300 cán bộ công chức cấp xã trong bài là sao?", ["intermediate_llct_commune"]),
    # another value of the slot the first item names: the first's question asked of it
    (
        "bây giờ có bao nhiêu người trên đại học và đại học vậy",
        ["postgraduate_now", "university_degree_now"],
    ),
    (
        "hiện có bao nhiêu người có bằng đại học vs trên đại học?",
        ["university_degree_now", "postgraduate_now"],
    ),
    # the part a share is asked of, before "chiếm", the whole named after "tổng số"
    ("cb cc cấp xã chiếm bao nhiêu % tổng số cb cc toàn huyện", ["commune_staff", "total_staff"]),
    # a radio letter: who writes, from where, then a numbered list
    (
        "Bạn đọc ở xã Na Son hỏi: thứ nhất, huyện có bao nhiêu đảng viên? thứ hai, bao nhiêu"
        " người có bằng đại học?",
        ["party_members", "university_degree_now"],
    ),
    # typed without marks: "rua" (rứa) ends the question, "cho di hoc" is "sent to study"
    ("can bo cap xa thi tran co may nguoi rua", ["commune_staff"]),
    ("can bo cap xa duoc cho di hoc trung cap chi rua", ["commune_cadre_training"]),
    # "sau mấy đợt": after those rounds, no second count asked
    ("sau mấy đợt bồi dưỡng thì cán bộ tiến bộ thế nào?", ["training_effects"]),
    # two figures compared, neither part named surely: both, and their gap
    (
        "cao cấp 26 người, trung cấp cấp huyện 55 người, hơn kém bao nhiêu",
        ["advanced_llct", "intermediate_llct_district"],
    ),
    # "ngành học" after its staff is the school sector, not a field of study
    ("giáo viên ngành học được bồi dưỡng bao nhiêu lượt mỗi năm", ["education_sector"]),
    ("toàn bộ việc đào tạo nhằm mục đích gì", ["training_goal"]),  # "toàn bộ việc": no quitting
    ("bai viet dang ngay bao nhieu z ad", ["article_date"]),
    ("huyện bây giờ có bao nhiêu người master trở lên vậy", ["postgraduate_now"]),
    ("cán bộ cấp huyện được đào tạo tập trung vào đâu?", ["district_level_training"]),
]


def test_each_close_call_is_answered_with_what_it_asks():
    replies = ask_json(*(question for question, _ in ANSWERED))
    for reply, (question, intents) in zip(replies, ANSWERED, strict=True):
        assert reply["status"] == "answer", (question, reply)
        assert reply["intents"] == intents, (question, reply)


def test_a_share_the_article_does_not_give_gets_both_figures_and_says_so():
    (reply,) = ask_json(
        "cán bộ công chức cấp xã chiếm bao nhiêu phần trăm tổng số cán bộ công chức"
    )
    assert reply["intents"] == ["commune_staff", "total_staff"], reply
    assert "không nêu tỷ lệ" in reply["answer"] and "294" in reply["answer"], reply


# (question, a fact it must never be answered with alone or at all)
NOT_SETTLED = [
    # words the whole staff's fact does not hold, or a level of it named: never the 1.999
    ("Hiện nay toàn huyện có bao nhiêu cán bộ được đào tạo?", "total_staff"),
    ("hien nay toan huyen co bn can bo chu chot", "total_staff"),
    # a share of a narrower whole than the district's: never the district's share
    ("đảng viên chiếm bao nhiêu phần trăm cán bộ cấp xã", "party_members"),
    ("người có bằng đại học chiếm bao nhiêu % cán bộ cấp xã", "university_degree_now"),
    # "ở mấy xã … không": how many communes, which the article never counts
    ("ở mấy xã có cán bộ đi học không", "commune_cadre_training"),
    # "ngành học nào": a field of study, whoever is named before it
    ("các cán bộ ngành học nào được đi học thạc sĩ", "masters_sent"),
    # "được học": the courses hold that word, the whole commune staff does not
    ("thế có bao nhiêu cán bộ, công chức xã được học", "commune_staff"),
    # "thạc sĩ" beside the graduates now: nobody is a master now in the article's words
    ("hiện có bao nhiêu người có bằng đại học và thạc sĩ?", "masters_sent"),
    # what commune cadres study has no count a share could be of
    ("Cán bộ cấp xã chiếm mấy phần trăm tổng số cán bộ công chức huyện?", "commune_cadre_training"),
    # the 712 is no side of "thạc sĩ 28 … 11 trên đại học"
    (
        "Cử đi học thạc sĩ 28 người mà hiện chỉ có 11 người trên đại học, vậy chênh nhau bao nhiêu?",
        "university_sent",
    ),
]


def test_a_close_call_is_not_settled_by_a_word_or_figure_that_does_not_decide_it():
    replies = ask_json(*(question for question, _ in NOT_SETTLED))
    for reply, (question, never) in zip(replies, NOT_SETTLED, strict=True):
        assert never not in reply["intents"], (question, reply)


def test_chiem_with_a_count_of_people_is_the_count_alone():
    (reply,) = ask_json("Trong số cán bộ công chức của huyện, cấp xã chiếm bao nhiêu người?")
    assert reply["intents"] == ["commune_staff"], reply
    assert "không nêu tỷ lệ" not in reply["answer"], reply


def test_quitting_after_the_course_is_something_the_article_never_says():
    quits, unmarked, goal, thinking = ask_json(
        "học xong có ai nghỉ việc không?",
        "bao nhieu nguoi di hoc xong roi bo viec",
        "Đối với cán bộ, việc đào tạo nhằm mục tiêu gì?",  # "cán bộ, việc" folds like "bỏ việc"
        "tôi nghĩ việc đào tạo là cần thiết, huyện cử bao nhiêu người đi học đại học?",
    )
    for reply in (quits, unmarked):
        assert reply["status"] == "fallback" and reply["intents"] == [], reply
        assert "nghỉ việc" in reply["answer"], reply
    assert goal["intents"] == ["training_goal"], goal
    assert thinking["intents"] == ["university_sent"], thinking


def test_got_it_typed_without_marks_is_an_acknowledgement():
    replies = ask_json("uh, biet roi", "uh biết rồi", "biết rồi, còn đảng viên bao nhiêu?")
    assert [r["intents"] for r in replies[:2]] == [["acknowledge"], ["acknowledge"]], replies
    assert replies[2]["intents"] == ["party_members"], replies[2]  # a question after it


def test_among_them_after_a_figures_meanings_asks_the_fact_given_again():
    first, second = ask_json(
        "số 1.999 là gì", "trong đó bn người có bằng đại học", conversation="meanings"
    )
    assert "university_degree_now" in first["intents"], first
    assert second["status"] == "answer", second
    assert second["intents"] == ["university_degree_now"], second
