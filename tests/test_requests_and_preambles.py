"""Preambles and requests as people type them, through `ask --json`: a claim word across a
sentence end ("… bài báo. Nói t nghe …") is no claim, "nói t nghe thử" and "tìm hiểu xem" open
the question, the English possessive names its noun, an aside is read past before the opener,
and "…, với cho mình biết …" joins a second request."""

from __future__ import annotations

from conftest import ask_json


def test_the_question_after_a_preamble_of_sentences_and_a_tell_me_is_answered():
    told, looked_up = ask_json(
        "chào bot, t là gv ở xã, hôm qua cả phòng tranh luận về bài báo. Nói t nghe thử cấp huyện"
        " có bn người dưới 35 tuổi giữ chức chủ chốt?",
        "con là cán bộ xã, trưởng phòng bảo con tìm hiểu xem huyện có bao nhiêu đảng viên ạ",
    )
    assert (told["status"], told["intents"]) == ("answer", ["young_leaders_district"])
    assert (looked_up["status"], looked_up["intents"]) == ("answer", ["party_members"])
    assert "10 người" in told["answer"] and "không có con số bạn nêu" not in told["answer"]


def test_an_english_question_with_a_possessive_after_its_preamble():
    (reply,) = ask_json(
        "Hi, I'm a student. My question: what is the main goal of the district's training effort?"
    )
    assert (reply["status"], reply["intents"]) == ("answer", ["training_goal"])


def test_thanks_a_request_and_why_it_is_asked_give_every_part():
    cited, joined = ask_json(
        "Em cảm ơn. Cho em xin tên báo và tác giả để ghi nguồn ạ",
        "Tiêu đề bài là gì, với cho mình biết ai viết nhé",
    )
    assert cited["intents"] == ["article_source", "article_author"]
    assert joined["intents"] == ["article_title", "article_author"]


def test_who_asks_before_a_colon_is_a_preamble_not_the_topic_of_the_question():
    listener, reader, commune = ask_json(
        "Thính giả hỏi: huyện hiện có bao nhiêu cán bộ, công chức?",
        "Bạn đọc hỏi: huyện có bao nhiêu cán bộ, công chức?",
        "Một cử tri hỏi: cấp xã có bao nhiêu cán bộ, công chức?",
    )
    assert (listener["status"], listener["intents"]) == ("answer", ["total_staff"])
    assert (reader["status"], reader["intents"]) == ("answer", ["total_staff"])
    assert (commune["status"], commune["intents"]) == ("answer", ["commune_staff"])


def test_the_district_asked_alone_about_its_staff_is_the_whole_staff_not_a_level():
    bare, folded, communes, degree = ask_json(
        "huyện có bao nhiêu công chức?",
        "huyen co bao nhieu cong chuc",
        "Riêng ở các xã và thị trấn thì huyện có bao nhiêu cán bộ, công chức?",
        "Người học cao hơn bậc đại học hiện có mấy người?",
    )
    assert (bare["status"], bare["intents"]) == ("answer", ["total_staff"])
    assert (folded["status"], folded["intents"]) == ("answer", ["total_staff"])
    assert communes["intents"] == ["commune_staff"]
    assert (degree["status"], degree["intents"]) == ("answer", ["postgraduate_now"])


def test_a_story_then_a_question_mark_reads_the_last_sentence_when_it_alone_is_sure():
    story, two = ask_json(
        "Chào bot. Em mới vào làm công chức địa chính xã được 3 tháng, đang lo không biết có "
        "được cho đi học không. Bài về Điện Biên Đông nói công chức cấp xã thì được đào tạo "
        "tập trung vào cái gì vậy?",
        "Bài đăng ngày nào. Ai viết bài?",  # a question before it: both are read
    )
    assert (story["status"], story["intents"]) == ("answer", ["commune_civil_servant_training"])
    assert two["intents"] == ["article_date", "article_author"]


def test_the_original_article_named_as_a_fact_checker_does_is_the_article():
    (reply,) = ask_json("Bài gốc nói bao nhiêu người là đảng viên?")
    assert (reply["status"], reply["intents"]) == ("answer", ["party_members"])


def test_a_story_naming_a_year_a_place_or_what_to_leave_out_still_limits_the_question():
    year, place, without = ask_json(
        "Năm 2020 thì sao nhỉ. Huyện có bao nhiêu cán bộ là đảng viên?",
        "Mình hỏi về tỉnh Lai Châu. Có bao nhiêu cán bộ là đảng viên?",
        "Không tính cấp xã. Tổng số cán bộ công chức của huyện là bao nhiêu?",
    )
    assert (year["status"], place["status"]) == ("fallback", "fallback")
    assert without["intents"] == ["total_staff", "commune_staff"] and "1.705" in without["answer"]


def test_a_topic_then_who_asks_before_a_colon_keeps_the_topic():
    young, course = ask_json(
        "Về cán bộ chủ chốt dưới 35 tuổi, em hỏi: ở huyện bao nhiêu, ở xã bao nhiêu?",
        "Trung cấp lý luận chính trị, cho em hỏi: cấp huyện bao nhiêu, cấp xã bao nhiêu?",
    )
    assert young["intents"] == ["young_leaders_district", "young_leaders_commune"]
    assert course["intents"] == ["intermediate_llct_district", "intermediate_llct_commune"]


def test_a_question_then_a_request_joined_by_dong_thoi_gets_both():
    """ "…là gì, đồng thời đề nghị cho biết …": the question before the request is asked too,
    never a preamble to it ("đồng thời là đảng viên", at once, joins nothing)."""
    both, at_once = ask_json(
        "Xin được hỏi mục tiêu đào tạo là gì, đồng thời đề nghị cho biết sau đào tạo cán bộ"
        " được bổ nhiệm vào những vị trí nào?",
        "Tôi là giáo viên, đồng thời là đảng viên, cho hỏi huyện có bao nhiêu đảng viên?",
    )
    assert both["intents"] == ["training_goal", "promotions"], both
    assert at_once["intents"] == ["party_members"], at_once


def test_a_figure_recalled_before_another_question_is_not_asked_again():
    """ "tôi nhớ bài nói có 1.066 người trình độ đại học. Còn trên đại học …?": the figure
    recalled is told, not asked (nor checked); the question after it is the one asked."""
    recalled, besides = ask_json(
        "Thưa bạn, tôi đọc bài báo thấy nói hiện nay huyện có 1.066 người trình độ đại học, cái"
        " đó thì tôi nhớ ạ. Còn số người có trình độ trên đại học là bao nhiêu nhỉ, bạn nói giúp"
        " tôi nhé.",
        "Tôi nhớ bài nói huyện cử 19 người đi bồi dưỡng chức danh bí thư, phó bí thư. Ngoài ra"
        " còn mấy vị chủ tịch Mặt trận Tổ quốc được cử đi bồi dưỡng, là bao nhiêu người nhỉ?",
    )
    assert recalled["intents"] == ["postgraduate_now"], recalled
    assert besides["intents"] == ["mttq_chairs"], besides


def test_a_figure_the_article_lacks_is_still_checked_after_a_preamble():
    (reply,) = ask_json("Chào bot, mình là sinh viên. Bạn mình ghi 721 đảng viên, đúng không?")
    assert reply["intents"] == ["party_members"], reply
    assert "không có con số" in reply["answer"], reply
