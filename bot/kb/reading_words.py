"""The word lists that say what a message asks beyond which fact, as typed values (the
`understanding:` section, read by bot/kb/understanding.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.values import value_class


@value_class
class Unstated:
    """An attribute the article never gives (how long, what it cost, where …)."""

    id: str
    label: str
    folded: tuple[re.Pattern[str], ...]  # over the question without diacritics
    accented: tuple[re.Pattern[str], ...]  # over it with them (lương is not lượng)
    across: bool = False  # asked by the message as a whole ("mấy bí thư, mấy phó bí thư?")
    beside: bool = False  # said beside the figures it judges, never instead ("…, đã đủ chưa?")


Phrases = tuple[tuple[str, ...], ...]  # folded word sequences, longest first


@value_class
class Understanding:
    """The word lists that say what a message asks beyond which fact (understanding:)."""

    drop_joiners: Phrases
    keep_joiners: Phrases
    list_joiners: Phrases
    asking_joiners: Phrases  # "kèm theo": a request for what follows, asked with no question word
    joiner_blockers: frozenset[str]  # after these words a joiner is part of a phrase ("không còn")
    joiner_words: Phrases  # words a joiner starts ("cộng tác"): no joiner there
    of_a_share: tuple[Phrases, Phrases]  # (joiners, share words): "tỷ lệ … trên tổng số …"
    owned_first: Phrases  # "tên và chức vụ của …": attributes of one owner named after both
    question_cues: Phrases
    question_enders: Phrases  # "… tên là gì đăng ngày nào": a run-on's first question ends
    time_enders: Phrases  # "… năm nào à mà …": ends one too, before a question of its own
    spoken_pivots: Phrases  # "… nhưng mà trong bài thì …": where a spoken question may start
    spoken_elsewhere: Phrases  # "ở tỉnh bên cạnh … thì …": a spoken question set elsewhere
    indefinite_after: frozenset[str]  # "năm nào cũng": a question word meaning every
    plural_people: frozenset[str]  # "mấy ông … học gì": those men, no count
    what_asks: frozenset[str]  # … when one of these follows
    sent_words: frozenset[str]  # … and none of these (folded)
    counting_words: tuple[str, ...]  # "Một, …? Hai, …?": a list counted aloud, in order
    counted_after_digits: frozenset[str]  # "1 người …, 2 người …": counts, never a numbered list
    not_cues: frozenset[str]  # written with diacritics, these fold like a cue but ask nothing
    distributive_cues: Phrases
    topic_markers: Phrases
    total_cues: Phrases
    sum_words: frozenset[str]  # beside a total cue, they name nothing ("tổng 2 loại")
    difference_cues: Phrases
    comparison_cues: Phrases
    comparison_turns: Phrases  # "so với A thì B nhiều hơn?": where B begins
    sameness_cues: Phrases  # "số đó trùng với số đảng viên à?": two figures compared
    meaning_cues: Phrases
    ordinals: Mapping[int, Phrases]
    pick_words: frozenset[str]  # words around an ordinal that pick nothing ("giờ tới cái thứ hai")
    one_at_a_time: Phrases  # "trả lời cái đầu trước": several facts asked, one answered per turn
    first_words: Phrases  # "trả lời câu 2 trước": after an ordinal, the item answered first
    first_requests: Phrases  # "trả lời", "answer": asking it, read past with it
    list_things: Phrases  # "cho hỏi 3 số: …": what a list's announced count counts
    concluding_openers: Phrases  # "…. Vậy công chức cấp xã …?": the question a story leads to
    interest_words: Phrases  # "Tôi quan tâm đến huyện …": what the question is of
    fact_requests: Phrases  # "mình đang cần con số …": who asks, asking in the same words
    list_all: Phrases  # "…, cho mình xin cả ba": the count of the items before
    every_figure_asks: Phrases  # "liệt kê các con số về …": every figure of a topic
    figure_things: Phrases  # "con số", "số liệu": what an every-figure request asks for
    listing_asks: Phrases  # "liệt kê": a list asked outright, of any counts
    announcing_words: frozenset[str]  # what else a list's announcement says ("tôi cần …")
    items_before: Phrases  # "…, tóm tắt giúp tôi cả hai": the things named before
    item_requests: Phrases  # … and what is asked of them ("tóm tắt", "giải thích")
    yes: Phrases
    no: Phrases
    light_words: frozenset[str]
    introductions: Phrases
    confirmations: Phrases  # "…, có đúng không?": asks whether the clause before is so
    likeness_asks: Phrases  # "…, khác nhau chỗ nào?": how the things asked before compare
    other_answers: Phrases  # "…, hay vẫn ngồi chỗ cũ?": the other answer of a yes-no question
    also_ends: Phrases  # "…, với số người học thạc sĩ nữa": a last part asked on
    how_asks: Phrases  # "…, làm sao?": how, of the clause before
    numbered_names: Phrases  # "nghị quyết 03", "lớp 11": a number after these names, not counts
    claim_cues: Phrases  # "em ấy ghi …", "cần đối chiếu": a figure said, to be checked
    claim_ask: str  # what a claimed count the article never writes is read as ("bao nhiêu")
    claim_year_ask: str  # … and a year claimed of a fact that gives its own ("năm nào")
    claim_date_ask: str  # "bài đăng ngày 8/6/2018?": a date the article never writes, asked
    claim_hedges: Phrases  # "gần 2.000": how near a claimed count is, asked with it
    shared_asks: Phrases  # ask the same of every item of a list ("A, B là bao nhiêu?")
    bound_asks: Phrases  # ask about the noun just before them ("…, báo nào?")
    part_of_cues: Phrases  # "trong (số)": a count asked inside the figure after them
    frame_openers: Phrases  # "sau khi đào tạo, …": when the rest is asked of, no item
    pick_every: Phrases  # "cả hai", "tất cả" after a menu: every fact offered
    referring_words: frozenset[str]  # "đó", "này": the figure just given ("trong đó")
    exclusion_cues: Phrases  # "không tính trên đại học": what follows is left out of the answer
    enumerators: Phrases  # "thứ nhất …, thứ hai …", "một là … hai là …": items of a list
    yes_no_cues: Phrases  # "…, có giỏi không?": a question answered yes or no
    of_the_one_before: Phrases  # "…, về vấn đề gì?", "…, bài nói sao?": more of the clause before
    figure_given_asks: Phrases  # "…? có số ko hay nói chung chung": whether, no question
    forgetting_words: Phrases  # "… mà quên ai viết. Tác giả …?": a story, then the question
    own_place: Phrases  # "huyện tôi", "bên mình": the asker's own place, compared
    own_plans: Phrases  # "(bên mình) dự kiến cử 40 …": what the asker's place plans, read past
    article_place: Phrases  # "bên Điện Biên Đông", "bên đó": the article's, beside it
    article_now: Phrases  # "bây giờ", "hiện nay": the article's own time
    article_itself: Phrases  # "quay lại bài: …": the article named, asking nothing
    figure_pointers: frozenset[str]  # "(19 người) được nhắc trong bài": pointing at a figure
    figure_asks_more: frozenset[str]  # "(…,) được cử đi làm gì": asking more of a figure
    time_anchors: Phrases  # "sau (năm) 2020": a year placing the question in time
    figure_who_cues: Phrases  # "(19 người đó) là những ai": whom a bare figure counts
    figure_elsewhere: Phrases  # "(712) còn ở chỗ nào khác": its other facts than the one given
    article_mentions: Phrases  # "bài này …?" after a story: the article's question
    place_kinds: frozenset[str]  # "tỉnh (Hà Giang)": the kind of a place, left out with its name
    figure_places: Phrases  # "(712) xuất hiện ở đâu": what a figure is, asked by where it is
    figure_recurrences: Phrases  # "(1.999) xuất hiện mấy lần": … by how often it recurs
    gap_openers: Phrases  # "chênh lệch giữa (A và B)": a gap asked by naming it first
    speaker_openers: Phrases  # "còn (ông Thanh nói …)": a turn before the speaker's frame
    speaker_verbs: Phrases  # "nói", "cho biết": his saying ("… là ai | nói gì về …": no cut)
    bare_totals: Phrases  # "cong" alone after figures: "cộng" typed without its marks
    figure_doubts: frozenset[str]  # "(đúng 1800) hay hơn": a figure just given, doubted
    compared_times: Phrases  # "(so với) năm trước": a time compared with, no fact
    said_pointers: Phrases  # "(bài nói gì về) chuyện này": what the sentences before told
    known_markers: Phrases  # "(huyện có 55 người) rồi": a part the asker already has
    known_turns: Phrases  # "(…, ) còn (xã?)": the rest asked after a part stated
    unchanged_answers: Phrases  # "(… không hay) vẫn thế": the other answer, nothing changed
    figure_groups: Phrases  # "(168) là nhóm nào", "(6 người) là chức gì": of whom, asked
    hearsay_sources: Phrases  # "có người (nói rằng)", "trên mạng": where a claim was heard
    negations: Phrases  # "chưa qua tuổi 35": "chưa" saying not yet, asking nothing
    set_phrases: Phrases  # "không sao", "vậy thôi": a question word in a phrase that asks nothing
    asker_words: Phrases  # "năm 1998 tôi cũng từng đi học …": the asker's own story, not a scope
    story_words: Phrases  # "… cũng từng", "hồi đó": what the asker once did, a story
    reciprocal_words: Phrases  # "(28 người,) chênh nhau bao nhiêu?": the other side is the last one
    rather_than: Phrases  # "(số hiện tại) chứ không phải số được cử đi học": no remainder asked
    contrast_joiners: Phrases  # "A 28 mà giờ B có 11, chênh nhau …": the two sides compared
    article_names: Phrases  # "Điện Biên Đông": the article's district by name, no pointer
    time_words: Phrases  # "năm", "tháng": a sentence of another time, refused as such
    relayed_openers: Phrases  # "bà em hỏi là …": a question asked for someone, even first
    back_pronouns: Phrases  # "…, họ học cái gì?": the people named before, pointed back at
    remark_requests: frozenset[str]  # "ông bảo cháu …": a request to whoever answers, no remark
    request_particles: frozenset[str]  # "… với", "… đi": a request closed
    correction_openers: Phrases  # "ko phải, huyện cơ": the last answer denied, then what was meant
    doubt_cues: Phrases  # "có nhầm không, hình như 712 là …": another fact of the figure
    instead_cues: Phrases  # "ko phải 11 à?": another figure offered for the one just given
    pair_markers: Phrases  # "hai số này", "trùng nhau": the figures of the last two answers
    pair_all_markers: Phrases  # "cộng hết lại": every figure just given, summed
    figure_announcements: Phrases  # "cho tôi các số sau: …": the items are counts asked
    count_openers: Phrases  # "tổng …", "số …": an item that is a count already
    meaning_denials: Phrases  # "làm gì có 712 …": a denial, never what a figure means
    inner_source_frames: Phrases  # "… được nêu trong bài …": where its answer is, inside it
    pair_requests: Phrases  # "đề nghị …", "vui lòng …": a request's polite words beside them
    pair_words: frozenset[str]  # beside a pair marker they name nothing ("giữa", "đó")
    parts_after: Phrases  # "tổng …, gồm A và B": the parts of that sum, no questions
    name_asks: Phrases  # "28 ng đó là ai" after the 28: their names
    summand_joiners: Phrases  # "cộng A với B": where one summand ends and the next begins
    summand_bare_words: Phrases  # a summand's words that name no count of its own
    post_words: Phrases  # "thủ tướng là ai?": who holds a post, never who was quoted
    split_cues: Phrases  # "tách riêng cao cấp ra": a part of the figure just given, apart
    split_openers: Phrases  # "riêng cao cấp?" opening a follow-up: the same
    adding_cues: Phrases  # "cộng với X thì sao": X beside the figure just given, summed
    adding_to_total: Phrases  # "thêm X vào thì tổng …": the same, only beside a total cue
    adding_openers: Phrases  # "với cao cấp cộng lại?": the same, opening the message only
    combining_cues: Phrases  # "trừ đi X", "chia cho X": X beside the figure just given, no sum
    vocatives: Phrases  # "…, thưa đồng chí?": whom a question is asked of
    wish_openers: Phrases  # "chúc bạn …": a wish, whatever words it shares with the article
    not_pivots: Phrases  # "những" (folded, "nhưng"): no pause of a spoken question
    request_openers: Phrases  # "cho tôi xin …", "gửi mình …": asking for something by name
    remark_askers: Phrases  # "toi moi doc bai nay …": the asker speaking of themselves
    call_addressees: Phrases  # "ad ơi", "cô ơi": whom a call before an opener addresses
    run_on_plurals: Phrases  # "mấy người làm ở huyện …": those people, no count
    plural_then_asks: Phrases  # "mấy ổng học … mất mấy năm": those people, how long
    calls: Phrases  # "ad ơi": calling the bot by a word or two before it
    return_words: Phrases  # "quay lại cái trước, …": back to the answer before the last
    return_pointers: Phrases  # "thế còn cái kia": the same, pointing at it
    acknowledgements: Phrases  # "vậy hả", "đúng rồi": too light to match by, said whole
    closing_particles: frozenset[str]  # "đúng rồi nhé": what may close them
    opening_particles: frozenset[str]  # "dạ đúng rồi": … and open them
    speaker_frames: Phrases  # "ông Thanh nói …": the quoted person saying what the rest asks
    speaker_about: Phrases  # "… gì về việc …": after such a frame, before the question
    who_said: Phrases  # "ai nói là …": who said what follows (bot/hearsay.py)
    who_said_after: Phrases  # "… là lời của ai": … what precedes
    who_said_closers: Phrases  # "người nói … là ai": closing what `who_said` opens
    claim_tags: Phrases  # "… 249 cán bộ nhỉ": a last word asking a figure stated be confirmed
    tag_askers: Phrases  # "thế còn cấp xã à": the tagged message asks, states nothing
    opening_words: frozenset[str]  # "cho hỏi cái": what an opener says beside it, asking nothing
    opening_amounts: Phrases  # "tôi muốn hỏi vài điều": how much an opener will ask
    opening_topics: Phrases  # "… về bài báo": beside an amount, what about
    ratio_cues: Phrases  # "gấp mấy lần": how many times one figure is the other
    largest_words: Phrases  # "cái nào nhiều nhất?": the largest figure of those just given
    smallest_words: Phrases  # "ít nhất?": … the smallest
    descending_words: Phrases  # "từ lớn đến nhỏ": the facts given, largest figure first
    ascending_words: Phrases  # "từ nhỏ đến lớn": … smallest first
    rank_pointers: Phrases  # "số nào", "trong các số đó": what else a ranking question says
    rank_requests: Phrases  # "xếp theo thứ tự": an order asked, whatever is listed
    rank_blockers: Phrases  # "… trong bài", "cảm ơn": no ranking of the facts just given
    exercise_labels: Phrases  # "Câu 1: …": a homework question's number, read past
    quiz_labels: Phrases  # "Trắc nghiệm: …": what names a quiz before its colon, read past
    thanks_for: Phrases  # "cảm ơn đã giúp chị kịp giờ lên sóng": thanks for what was done
    closing_requests: Phrases  # "…, nói cho em với?": asking to be told, closing a question
    request_joiners: Phrases  # "…, đồng thời đề nghị cho biết …": a request joined on
    pair_why: Phrases  # "sao 2 số chênh nhau vậy?": why they differ, which the article never says
    question_openers: Phrases
    source_frames: Phrases  # "bài viết nói …": where the answer is, at the start
    topic_frames: Phrases  # "bài này có nói gì về …": what it says of the thing named next
    frame_not_before: frozenset[str]  # "bài nói về gì": a question about the article
    like_me: tuple[re.Pattern[str], ...]  # "người như tôi": whom the asker's role names
    own_role: tuple[re.Pattern[str], ...]  # "tôi là bí thư xã": that role (group "role")
    purpose_asides: tuple[re.Pattern[str], ...]  # "… để dẫn nguồn": why one asks, at the end
    purpose_openers: tuple[re.Pattern[str], ...]  # "cần ghi nguồn …, …": why, before it
    source_asides: tuple[re.Pattern[str], ...]  # "…, báo có nói không?": whether it says so
    remark_frames: tuple[re.Pattern[str], ...]  # "ông em bảo …": a relative's remark relayed
    unstated: tuple[Unstated, ...]
    bound: frozenset[tuple[str, str]]  # pairs the article writes across a joiner: one name
