"""Details the article does not give about a figure it does give — a split of one figure into
its parts, who exactly holds which post — are said to be missing, never answered with the
figure; a fact that does give them still answers. Through `ask`, as a user meets it."""

from __future__ import annotations

import pytest
from conftest import ask_json


def test_a_figure_asked_split_where_the_article_gives_it_whole_is_not_answered():
    replies = ask_json(
        "19 người đó có mấy người là bí thư, mấy người là phó bí thư?",
        "10 cán bộ chủ chốt trẻ ở huyện cụ thể giữ những chức gì?",
    )
    for reply in replies:
        assert reply["status"] == "fallback", reply
        assert reply["answer"].startswith("Bài viết không nói về"), reply
        assert "19" not in reply["answer"].split("•")[0], reply


def test_facts_that_name_posts_still_answer_what_post():
    replies = ask_json(
        "ông Ngô Văn Thanh giữ chức vụ gì",
        "sau khi học xong cán bộ được bổ nhiệm cụ thể vào những vị trí nào",
        "bao nhiêu người được bồi dưỡng chức danh bí thư, phó bí thư",
    )
    assert [r["intents"] for r in replies] == [
        ["spokesperson"],
        ["promotions"],
        ["party_secretary_training"],
    ], replies


def test_the_byline_is_the_author_while_who_signed_a_document_is_not_given():
    byline, signer = ask_json("Người ký tên dưới bài là ai?", "ai ký nghị quyết 03")
    assert byline["intents"] == ["article_author"], byline
    assert signer["status"] == "fallback" and signer["answer"].startswith("Bài viết không nói")


def test_a_degree_the_article_does_not_count_and_who_graduated_are_not_given():
    replies = ask_json(
        "Có bao nhiêu người có trình độ cao đẳng?",
        "28 người học thạc sĩ đó đã tốt nghiệp hết chưa?",
        "trong 712 người đi học đại học đã có mấy người tốt nghiệp rồi",
        "712 người đi học đại học, đến nay đã tốt nghiệp bao nhiêu người?",
        "Bao nhiêu người học trung cấp lý luận chính trị đã thi đạt?",
        "712 người đi học đại học học những ngành gì cụ thể?",  # their fields of study
    )
    for reply in replies:
        assert reply["status"] == "fallback", reply
    (holders,) = ask_json("có mấy người tốt nghiệp đại học")  # holding a degree: the article says
    assert holders["intents"] == ["university_degree_now"], holders


@pytest.mark.parametrize(
    "question",
    [
        "nghị quyết 03 ban hành ngày tháng nào",  # the article gives the year only
        "tên của 21 cán bộ chủ chốt cấp xã dưới 35 tuổi là gì",
        "trong hơn 1.800 lượt đó có bao nhiêu lượt giáo viên tiểu học",
        "11 người trên đại học gồm mấy tiến sĩ, mấy thạc sĩ?",  # the 11, split by degree
        "Mỗi lớp bồi dưỡng viên chức giáo dục có bao nhiêu học viên?",  # a class's size
        "Đảng viên đóng đảng phí bao nhiêu?",  # dues: no figure of the party members'
    ],
)
def test_a_day_a_list_of_names_and_a_part_of_an_approximate_figure_are_unstated(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback" and reply["intents"] == [], reply
    assert "không" in reply["answer"]  # says what the article does not give


def test_the_articles_own_date_is_still_given_to_the_day():
    replies = ask_json("bài đăng ngày tháng năm nào", "ai viết bài và đăng ngày nào")
    assert replies[0]["intents"] == ["article_date"], replies
    assert replies[1]["intents"] == ["article_author", "article_date"], replies


def test_doctors_are_never_counted_apart_from_the_eleven_postgraduates():
    replies = ask_json("trong số người trên đại học có mấy tiến sĩ?", "có mấy thạc sĩ, tiến sĩ?")
    assert replies[0]["status"] == "fallback" and "tiến sĩ" in replies[0]["answer"]
    assert replies[1]["intents"] == ["postgraduate_now"]


def test_contact_details_and_private_life_are_not_in_the_article():
    replies = ask_json(
        "cho xin email của tác giả Phong Vân",
        "ông Ngô Văn Thanh có vợ chưa",
        "báo Điện Biên Phủ đặt ở chỗ nào",
    )
    for reply in replies:
        assert reply["status"] == "fallback"
        assert "thông tin cá nhân, địa chỉ, cách liên lạc" in reply["answer"]


def test_which_commune_has_the_most_is_not_given():
    """The article counts the communes together, never one by one."""
    replies = ask_json(
        "Xã nào đông cán bộ nhất?",
        "Xã nào có nhiều cán bộ đi học trung cấp lý luận chính trị nhất?",
    )
    for reply in replies:
        assert reply["status"] == "fallback"
        assert "tên từng xã" in reply["answer"]


def test_an_attribute_asked_alone_after_a_fact_is_asked_of_that_fact():
    """ "ai ký?" after the resolution asks its signer, which the article never gives, not the
    byline (of another topic); after the author, the same words keep to the article."""
    _, signer = ask_json("nghị quyết 03 có hiệu lực đến năm nào", "ai ký vậy", conversation="sign")
    assert signer["status"] == "fallback" and "người ký" in signer["answer"]
    _, byline = ask_json("bài báo nói về gì", "ngày nào?", conversation="byline")
    assert byline["intents"] == ["article_date"]


def test_over_how_many_years_a_figure_counts_is_no_duration():
    """ "mỗi năm hay tổng cả mấy năm?" asks how the figure is counted (the fact says "hằng
    năm"); "học mấy năm?" still asks a duration the article never gives."""
    _, counted = ask_json(
        "mỗi năm bồi dưỡng bao nhiêu lượt viên chức giáo dục",
        "là mỗi năm hay tổng cả mấy năm vậy",
        conversation="per-year",
    )
    assert counted["intents"] == ["education_sector"]
    (duration,) = ask_json("học trung cấp lý luận mất mấy năm")
    assert duration["status"] == "fallback" and duration["intents"] == []


def test_a_persons_age_and_the_names_of_those_counted_are_never_given():
    _, age = ask_json(
        "ai là người được trích lời", "ông ấy năm nay bao nhiêu tuổi", conversation="age"
    )
    _, names = ask_json(
        "mỗi năm bồi dưỡng bao nhiêu viên chức giáo dục",
        "tên các thầy cô đó là gì?",
        conversation="teachers",
    )
    assert age["status"] == "fallback" and "tuổi" in age["answer"]
    assert names["status"] == "fallback" and "tên" in names["answer"]
    (young,) = ask_json("có bao nhiêu cán bộ chủ chốt dưới 35 tuổi ở xã")  # an age limit, counted
    assert young["intents"] == ["young_leaders_commune"]


def test_admission_rules_and_exam_advice_are_not_the_selection_the_article_reports():
    """ "điều kiện … theo quy định", "làm sao để thi công chức": the article reports how the
    district chooses, it neither quotes the rules nor advises; "theo tiêu chí gì" is its own."""
    rules, exam, chosen = ask_json(
        "tiêu chuẩn để được đi học thạc sĩ là gì",
        "làm thế nào để làm công chức xã",
        "huyện chọn cán bộ đi học theo tiêu chí gì",
    )
    assert rules["status"] == "fallback" and exam["status"] == "fallback"
    assert chosen["intents"] == ["selection_criteria"]


def test_exam_subjects_are_never_given_and_chuyen_mon_thi_is_no_exam():
    exam, taught = ask_json(
        "thi viên chức thì thi những môn gì",
        "mấy người làm chuyên môn ở xã như địa chính thì được học gì",
    )
    assert exam["status"] == "fallback" and "môn thi" in exam["answer"]
    assert taught["intents"] == ["commune_civil_servant_training"]


def test_becoming_a_civil_servant_is_advice_but_civil_servants_sent_to_study_are_not():
    advice, sent = ask_json(
        "làm thế nào để thi đỗ công chức xã", "Làm thế nào để công chức xã được cử đi học?"
    )
    assert advice["status"] == "fallback"
    assert sent["status"] != "fallback"


def test_the_posts_of_people_a_figure_counts_are_unstated_while_the_officials_are_given():
    """ "…, giữ chức gì?" asks of the clause before: the ten young leaders' posts are nowhere in
    the article; the quoted official's are."""
    (young,) = ask_json("10 cán bộ chủ chốt dưới 35 tuổi ở huyện tên là gì, giữ chức gì?")
    assert young["status"] == "fallback" and young["intents"] == [], young
    (official,) = ask_json("ai là người được trích lời, giữ chức gì?")
    assert official["intents"] == ["spokesperson"], official


def test_a_yearly_figure_is_given_only_where_the_article_gives_one():
    yearly, education, which = ask_json(
        "Mỗi năm huyện cử bao nhiêu người đi học đại học?",
        "Mỗi năm ngành giáo dục được bồi dưỡng bao nhiêu lượt?",
        "mỗi năm hay tổng?",
        conversation="per-year",
    )
    assert yearly["status"] == "fallback" and "từng năm" in yearly["answer"]
    assert "712" not in yearly["answer"].split("•")[0]  # the total is offered, not given as yearly
    assert education["intents"] == ["education_sector"]
    assert which["intents"] == ["education_sector"]  # which the figure is: asked of it again


def test_names_asked_of_a_figure_are_of_the_fact_that_figure_counts():
    (reply,) = ask_json("10 cán bộ trẻ cấp huyện đó tên gì, giữ chức vụ gì?")
    assert reply["status"] == "fallback" and reply["answer"].startswith("Bài viết không nói về tên")
    # offered: the fact the figure counts, not the one person the article names
    assert reply["suggestions"] == ["Cấp huyện có bao nhiêu cán bộ chủ chốt dưới 35 tuổi?"]


def test_the_year_of_a_figure_gathered_over_years_is_not_the_articles_date():
    first, year, published = ask_json(
        "Bao nhiêu lượt người giữ chức danh chủ chốt cấp xã được bồi dưỡng chuyên môn?",
        "84 lượt đó là trong năm nào?",
        "Số liệu trên được công bố vào thời điểm nào?",
        conversation="undated",
    )
    assert first["intents"] == ["professional_training"]
    assert year["status"] == "fallback" and "năm của từng đợt" in year["answer"]
    assert "2018" not in year["answer"]
    assert published["intents"] == ["article_date"]  # when it was published: the article's date


def test_a_part_split_out_of_a_figure_and_why_a_figure_is_so_are_not_in_the_article():
    replies = ask_json(
        "Hiện nay bao nhiêu người có trình độ lý luận chính trị?",
        "tách riêng cao cấp ra được không",
        "Có bao nhiêu cán bộ chủ chốt dưới 35 tuổi ở cấp xã?",
        "sao cấp xã lại nhiều hơn vậy",
        conversation="split-why",
    )
    split, why = replies[1], replies[3]
    assert split["status"] == "fallback" and "tách riêng" in split["answer"]
    assert "26" not in split["answer"]  # the 26 sent to the advanced course are not the 168's part
    assert why["status"] == "fallback" and "lý do" in why["answer"]


def test_one_level_split_out_of_both_levels_just_given_is_that_level():
    both, commune = ask_json(
        "bao nhiêu người học trung cấp lý luận chính trị vậy", "tách riêng cấp xã", conversation="x"
    )
    assert both["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]
    assert commune["intents"] == ["intermediate_llct_commune"]


def test_who_a_figure_just_given_counts_by_name_is_not_in_the_article():
    _first, names, whose = ask_json(
        "Bao nhiêu người được đào tạo thạc sĩ?",
        "28 ng đó là ai",
        "vậy 28 là của ai?",
        conversation="names",
    )
    assert names["status"] == "fallback" and "tên" in names["answer"]
    assert whose["intents"] == ["masters_sent"]  # whose figure it is: what it counts


def test_how_to_enrol_in_a_course_is_no_help_with_the_bot_and_not_in_the_article():
    (reply,) = ask_json("Hướng dẫn mình đăng ký học thạc sĩ online")
    assert reply["status"] == "fallback" and "thủ tục" in reply["answer"]


@pytest.mark.parametrize(
    "question",
    [
        # how two kinds of course differ: general knowledge the article never explains
        "Lý luận chính trị cao cấp khác trung cấp như thế nào?",
        "Chương trình chuyên viên chính khác chuyên viên ra sao?",
        "Trong 294 người ở cấp xã thì bao nhiêu là cán bộ, bao nhiêu là công chức?",
        "Huyện có tất cả bao nhiêu viên chức ngành giáo dục?",
        "Ngành giáo dục huyện Điện Biên Đông có tổng bao nhiêu viên chức?",  # the sector first
        "Trưởng phòng Nội vụ huyện Điện Biên Đông là ai?",
        "Luật Cán bộ, công chức được ban hành năm nào?",  # a law: the article cites none
        "Bot ơi, nhắc tôi 5 giờ chiều đi lấy hàng nhé",
    ],
)
def test_splits_counts_posts_and_tasks_the_article_has_nothing_on_are_refused(question):
    (reply,) = ask_json(question)
    assert (reply["status"], reply["intents"]) == ("fallback", [])


def test_a_courses_syllabus_is_unstated_while_what_a_level_studies_is_given():
    (syllabus,) = ask_json("Trung cấp lý luận chính trị học những môn gì?")
    assert syllabus["status"] == "fallback" and syllabus["intents"] == [], syllabus
    assert "môn học" in syllabus["answer"]
    (level,) = ask_json("cán bộ xã học những môn gì")
    assert level["intents"] == ["commune_cadre_training"], level
    (course,) = ask_json("Lớp nâng cao chuyên môn nghiệp vụ có bao nhiêu lượt người tham gia?")
    assert course["intents"] == ["professional_training"], course


def test_who_signed_after_the_resolution_is_its_signer_not_the_byline():
    resolution, english, byline, dated = ask_json(
        "nghị quyết 03 có mấy điều, ai ký?",
        "who signed the resolution",
        "ai ký bài này",
        "bao nhiêu đảng viên, đăng ngày nào?",
    )
    for reply in (resolution, english):
        assert reply["status"] == "fallback", reply
        assert reply["answer"].startswith("Bài viết không nói về người ký"), reply
        assert "Phong Vân" not in reply["answer"], reply
    assert byline["intents"] == ["article_author"], byline  # the article's own signer
    assert dated["intents"] == ["party_members", "article_date"], dated


@pytest.mark.parametrize(
    "question", ["where did they study", "which communes", "what is their field of study"]
)
def test_english_questions_for_what_the_article_never_gives_are_told_so(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback", reply
    assert reply["answer"].startswith("Bài viết không nói về"), reply


@pytest.mark.parametrize(
    "question",
    [
        "Năm nay huyện Điện Biên Đông tuyển thêm bao nhiêu công chức?",
        "Năm nay Điện Biên tuyển bao nhiêu viên chức giáo dục?",
    ],
)
def test_recruitment_is_told_unstated_never_answered_with_training(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback" and reply["intents"] == [], reply
    assert reply["answer"].startswith("Bài viết không nói về tuyển dụng"), reply


def test_who_sits_on_a_body_the_article_names_is_unstated_while_anyone_who_did_is_not():
    members, anyone = ask_json(
        "Ban Thường vụ Huyện ủy Điện Biên Đông gồm những ai?",
        "huyện có ai học thạc sĩ không",
    )
    assert members["status"] == "fallback" and members["intents"] == [], members
    assert anyone["intents"] == ["masters_sent"], anyone


@pytest.mark.parametrize(
    "question",
    [
        "Tên của 6 chủ tịch MTTQ được đi bồi dưỡng là gì?",
        "tac gia Phong Van la phong vien hay cong tac vien",
    ],
)
def test_names_of_those_counted_and_the_authors_job_are_never_given(question):
    (reply,) = ask_json(question)
    assert reply["status"] == "fallback" and not reply["intents"], reply
    (author,) = ask_json("phóng viên nào viết bài này")  # which reporter: the author, named
    assert author["intents"] == ["article_author"], author


def test_who_pays_the_tuition_after_a_count_is_a_cost_the_article_never_gives():
    first, paid = ask_json(
        "co bao nhieu nguoi duoc di hoc thac si", "tien hoc ai tra", conversation="fees"
    )
    assert first["intents"] == ["masters_sent"]
    assert paid["status"] == "fallback" and not paid["intents"], paid
    assert "chi phí" in paid["answer"]


def test_an_attribute_asked_alone_after_an_unstated_one_is_of_the_same_fact():
    # "Ai ký thế?" leans on the resolution the sentence before asked about, not the byline
    (reply,) = ask_json("Nghị quyết 03 được ký vào ngày nào vậy? Ai ký thế?")
    assert reply["status"] == "fallback" and reply["intents"] == []
    assert "ngày, tháng cụ thể" in reply["answer"] and "người ký" in reply["answer"]
    assert "Phong Vân" not in reply["answer"]


def test_who_approved_the_plan_is_not_said_though_who_drafts_it_is():
    drafted, approved = ask_json(
        "ai xây dựng kế hoạch đào tạo hằng năm",
        "vậy ai duyệt kế hoạch ấy?",
        conversation="approver",
    )
    assert drafted["intents"] == ["annual_plan"]
    assert approved["status"] == "fallback" and "ai phê duyệt" in approved["answer"]


def test_how_many_a_course_trained_is_its_figure_but_a_class_size_is_not_given():
    course, per_class = ask_json(
        "lớp cao cấp lý luận chính trị có bao nhiêu học viên là cán bộ huyện?",
        "mỗi lớp trung cấp có bao nhiêu học viên?",
    )
    assert course["status"] == "answer" and course["intents"] == ["advanced_llct"]
    assert per_class["status"] == "fallback" and "sĩ số" in per_class["answer"]


def test_who_decided_what_the_article_says_was_decided_is_answered_and_a_class_size_is_not():
    issued, per_class = ask_json(
        "Cơ quan nào quyết định ban hành Nghị quyết 03?",
        "Có bao nhiêu học viên trong một lớp chuyên viên?",
    )
    assert issued["status"] == "answer" and issued["intents"] == ["resolution_03"]
    assert per_class["status"] == "fallback" and "sĩ số" in per_class["answer"]


def test_a_gender_breakdown_asked_in_english_is_unstated():
    (reply,) = ask_json("Gender breakdown of the under-35 key leaders, please?")
    assert reply["status"] == "fallback" and reply["intents"] == [], reply


def test_the_quality_of_cadres_getting_better_is_what_training_changed():
    replies = ask_json(
        "sau khi dao tao chat luong can bo co tot len ko", "chất lượng cán bộ có tốt lên không"
    )
    assert [r["intents"] for r in replies] == [["training_effects"]] * 2, replies
