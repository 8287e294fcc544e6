"""Whole pages and what follows an article: readers' comments under it, page dumps in other
languages, the article given again as one paragraph, lists that end the article, teasers of
other articles run together with their first sentence (rules of ``plugins/structure.py``)."""

import pytest

from newsclean import ConfigError, Pipeline
from newsclean.plugins.structure import (
    NOT_ENGLISH,
    StructureNormalizer,
    glued_teaser,
    list_end,
    split_lines,
)
from newsclean.testing import run_normalizer

from .test_page_model import ARTICLE as STORM

ARTICLE = STORM[:7]
COMMENTS = [
    "I think the company should have buried these lines years ago, it happens every single winter and nobody learns anything.",
    "We were without power for three days last year and the hotline never answered once, so forgive me if I am not impressed.",
    "Thanks to the crews who were out all night in that weather, they deserve a raise and a long weekend off.",
    "Same thing every year. When will they finally do something about the old poles on our street before someone gets hurt?",
    "Does anyone know whether the schools on the east side are open tomorrow or not? The website says nothing at all.",
    "My neighbour's tree came down on our fence at two in the morning and the noise was unbelievable, like a train going past.",
]
MENU = ["Skip to content", "Home", "News", "Local", "Politics", "Business", "Sport", "Weather", "Opinion", "Sign in"]


def clean(text, **options):
    return run_normalizer(StructureNormalizer(**options), text)


# -- readers' comments under an article ------------------------------------------
def test_a_comments_header_after_the_article_ends_it_even_when_comments_are_most_of_the_words():
    text = "\n\n".join([*ARTICLE, "Top Rated Comments", *COMMENTS])
    doc = clean(text)
    assert doc.text == "\n\n".join(ARTICLE)
    assert "structure:over-deletion" not in doc.flags
    assert {r["kind"] for r in doc.removed} == {"comments"}


@pytest.mark.parametrize("header", ["Show more comments", "View all comments", "(View all)", "11 comments", "Join the conversation"])
def test_no_comment_section_starts_at_a_button_a_count_or_a_vague_header_early_in_a_text(header):
    # "Show more comments" closes a preview, "11 comments" is one item's count in a listing
    text = "\n\n".join([*ARTICLE, header, *COMMENTS])
    assert not [e for e in clean(text).edits if e.rule == "comment_section"]


def test_comments_after_a_short_text_are_not_taken_when_they_are_most_of_it():
    # under 120 words of prose before the header: no comment section (the header line alone goes)
    text = "\n\n".join([*ARTICLE[:2], "Comments", *COMMENTS])
    doc = clean(text)
    assert not [e for e in doc.edits if e.rule == "comment_section"]
    assert all(comment in doc.text for comment in COMMENTS)


def test_a_comment_thread_under_a_one_paragraph_post_on_a_page_dump_goes():
    post = (
        "Our goal with hosting quarterly open threads is to give blog readers an opportunity to publicly raise "
        "comments or questions about our work or related topics in the comments section below. As always, you are "
        "also welcome to email us if you have feedback or questions you would prefer to discuss privately."
    )
    thread = []
    for name, body in zip(["Milan Griffes", "Catherine", "Alex", "Gary M"], COMMENTS):
        thread += [f"{name} on September 12, 2018 at 4:47 pm said:", body]
    page = "\n".join([*MENU, "Open thread: September 2018", post, *thread, "About Us", "Contact"])
    doc = clean(page)
    assert post in doc.text
    assert not any(body in doc.text for body in COMMENTS)
    assert "structure:over-deletion" not in doc.flags


# -- page dumps in another language ----------------------------------------------
PORTUGUESE = [
    "A equipe do serviço de atendimento domiciliar registrou nesta manhã o arrombamento de dois dos cinco automóveis da unidade.",
    "Os veículos estavam sem as respectivas baterias e com marcas de depredação, e a polícia foi até o local para verificar os danos.",
    "Os pacientes agendados para o período da manhã desta sexta-feira estão sendo reagendados pela secretaria de saúde do município.",
    "A secretaria prevê que o atendimento estará normalizado a partir da tarde de hoje, segundo a nota enviada à imprensa local.",
]
PORTUGUESE_MENU = ["Acesso à Informação", "Protocolo", "Ouvidoria", "MENU", "Acessar", "A Cidade", "Conselhos", "Prefeitura", "Contatos", "Legislação"]
PORTUGUESE_FOOT = ["Facebook", "Twitter", "Whatsapp", "Voltar", "Notícias", "Agenda", "Serviços"]


def test_a_page_dump_in_another_language_loses_its_menus_and_nothing_else():
    page = "\n".join([*PORTUGUESE_MENU, *PORTUGUESE, *PORTUGUESE_FOOT])
    doc = clean(page)
    assert doc.text.split("\n") == PORTUGUESE
    assert NOT_ENGLISH in doc.flags  # the other steps still leave it alone
    assert {e.rule for e in doc.edits} == {"nav_block"}
    assert not doc.metadata.get("title")


def test_other_languages_keep_leaves_such_a_page_whole():
    page = "\n".join([*PORTUGUESE_MENU, *PORTUGUESE, *PORTUGUESE_FOOT])
    doc = clean(page, other_languages="keep")
    assert doc.text == page and NOT_ENGLISH in doc.flags
    assert Pipeline.from_config(other_languages="keep").clean(page).text == page


def test_a_page_in_a_script_without_spaces_stays_whole():
    lines = ["ホーム", "ニュース", "スポーツ", "天気", "経済", "政治", "国際", "科学", "文化", "お問い合わせ"]
    body = ["東京都内では二十八日、強い風と雨の影響で多くの電車が運転を見合わせ、通勤客に大きな影響が出ました。"] * 3
    page = "\n".join([*lines, *body, *lines])
    assert clean(page).text == page


def test_a_korean_page_dump_loses_its_menus_too():
    menu = ["홈", "뉴스", "연예", "스포츠", "경제", "정치", "사회", "문화", "로그인", "검색"]
    body = [
        "주말 밤 아홉 시 두 방송사는 막장극의 대결로 붙는 경우가 흔하다 현재 한 방송사는 새 드라마로 승부를 보고 있다.",
        "다만 이 드라마는 방영을 시작한 지 얼마 되지 않았지만 벌써 지쳐가는 인상이다 여주인공의 연기는 여전히 강렬하다.",
        "하지만 그 때문에 드라마의 승부수가 금방 읽히며 배우의 연기까지 식상하게 다가오는 단점이 있다고 평론가들은 말한다.",
    ]
    doc = clean("\n".join([*menu, *body, *menu[:6]]))
    assert doc.text.split("\n") == body
    assert NOT_ENGLISH in doc.flags


@pytest.mark.parametrize("value", ["extract", "drop", "", None])
def test_other_languages_must_be_navigation_or_keep(value):
    with pytest.raises(ConfigError, match="other_languages"):
        StructureNormalizer(other_languages=value)


# -- the article given again as one paragraph ------------------------------------
def test_the_article_run_together_into_one_later_paragraph_goes():
    text = "\n\n".join([*ARTICLE, "More from the newsroom", " ".join(ARTICLE)])
    doc = clean(text)
    assert doc.text.startswith("\n\n".join(ARTICLE))
    assert " ".join(ARTICLE) not in doc.text
    assert [r["kind"] for r in doc.removed if r["text"].strip() == " ".join(ARTICLE)] == ["repeat"]


def test_a_paragraph_that_quotes_one_earlier_sentence_stays():
    summary = ARTICLE[0] + " Officials said the total cost of the repairs was not yet known, and that insurers would be told next week how the money would be spent."
    text = "\n\n".join([*ARTICLE, summary])
    assert clean(text).text == text


# -- lists that end the article ---------------------------------------------------
def lines_of(*texts):
    return split_lines("\n".join(texts))


def test_a_numbered_list_begun_after_the_core_runs_to_its_last_item_and_the_line_under_it():
    lines = lines_of("Prose.", "Here are the offers:", "1) Lego set", "http://a.example/1", "2) Model car", "http://a.example/2", "3) Board game", "http://a.example/3", "Footer")
    assert list_end(lines, 1) == 7


def test_a_dated_list_ends_the_article_but_a_date_stamp_is_no_item():
    lines = lines_of("Prose.", "Tour dates:", "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 10 -- Tampa, FL", "July 2 -- Uncasville, CT", "Sign up")
    assert list_end(lines, 1) == 4
    stamps = lines_of("Prose.", "Nov 20, 2019", "Nov 19, 2019", "Nov 18, 2019", "More")
    assert list_end(stamps, 0) == 0
    assert list_end(lines_of("Prose.", "1) One", "Three", "Four", "Five", "3) Three"), 0) == 0  # no item 2: no list


def test_the_line_model_does_not_take_a_list_that_ends_the_article():
    dates = [f"June {d} -- Arena number {d}, Springfield, IL" for d in range(1, 25)]
    body = [
        "The band announced a summer tour on Tuesday, its first in North America since the pandemic, with dates across the South and the Midwest.",
        "Tickets go on sale Friday at 10 a.m. local time, and fans who bought tickets for the cancelled shows will be able to buy them a day early.",
        "The singer said in a statement that the band had missed playing live and was looking forward to seeing fans again after such a long break.",
    ]
    page = "\n".join([*MENU, "Band announces summer tour", *body, "Tour dates:", *dates, "About Us", "Contact", "Careers"])
    doc = clean(page)
    assert all(d in doc.text for d in dates)


# -- teasers run together with their first sentence -------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Michigan To Mail Redistricting Panel Applications To 250,000 The state of Michigan will mail 250,000 applications to voters",
        "Police: 2 In Custody After Death Of Student-Athlete A 24-year-old woman and a 28-year-old man have been arrested",
        "With shattered dreams, deportees return home from US NEW DELHI: Their American dream shattered and huge savings wasted",
    ],
)
def test_glued_teasers(line):
    assert glued_teaser(line)


@pytest.mark.parametrize(
    "line",
    [
        "Editor's Note: On May 6, 2025, I added a new top performer to the list, as well as a lower-end model I don't recommend.",
        "Comedy Meet The Fockers topped the festive box office in North America, setting a new record for Christmas Day.",
        "Berrien County Health Department officials said Monday the victim was one of two people who contracted the virus.",
        "NEW DELHI: Their American dream shattered and huge savings wasted, nearly 150 Indians returned home on Wednesday.",
        "He said the talks had failed. WASHINGTON: a word in capitals after a full stop is no glued dateline at all here.",
    ],
)
def test_not_glued_teasers(line):
    assert not glued_teaser(line)


def test_glued_teasers_go_from_a_page_dump_but_not_from_its_core():
    teasers = [
        "Customers Leave Without Paying Bill At Troy Steakhouse A party of six left the restaurant without paying a bill of 690 dollars.",
        "Michigan To Mail Redistricting Panel Applications To 250,000 The state of Michigan will mail applications to voters this week.",
        "DNR Seeks Tips About Bull Elk Poached In Northern Michigan The department of natural resources is asking the public for help.",
    ]
    page = "\n".join([*MENU, "Latest Headlines", *teasers, "Weather", "More Weather", "Storm leaves thousands without power", *ARTICLE, "About Us", "Contact"])
    doc = clean(page)
    assert all(sentence in doc.text for sentence in ARTICLE)
    assert not any(t in doc.text for t in teasers)


# -- a page dump cleaned again ------------------------------------------------------
def test_whole_page_dumps_clean_to_a_fixed_point(corpora):
    # the scrapinghub pages as html-text dumps them: a page without its menus is judged again (its
    # headline, a column's name over it, a dateline are now at the top), so a second run of the
    # chain changes almost nothing (30 of 905 extractor outputs changed before the second look, 5 after)
    import json

    base = corpora / "boilerplate" / "scrapinghub" / "output" / "html-text.json"
    data = json.loads(base.read_text(encoding="utf-8"))
    pages = [(v or {}).get("articleBody") or "" for v in data.get("output", data).values()]
    pipeline = Pipeline.from_config(disable=["typos", "misspellings", "names", "spelling"])
    changed = 0
    for page in pages:
        once = pipeline.clean(page).text
        changed += pipeline.clean(once).text != once
    assert len(pages) == 181 and changed <= 3


def test_every_extractors_output_cleans_to_a_fixed_point_in_one_run_of_structure(corpora):
    # structure alone, run twice on each extractor's output: the second run takes nothing
    # (before, 5 of 1,773 changed: a teaser's headline under the title, a bio over a photo credit)
    import json

    pipeline = Pipeline.from_config(disable=["typos", "misspellings", "names", "spelling"])
    texts = []
    for path in sorted((corpora / "boilerplate" / "scrapinghub" / "output").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [(v or {}).get("articleBody") or "" for v in data.get("output", data).values()]
    changed = [t[:60] for t in texts if (once := pipeline.clean(t).text) != pipeline.clean(once).text]
    assert len(texts) > 1700 and changed == []


def test_the_headlines_under_the_title_go_in_the_same_run_and_the_first_stays_the_title():
    # a byline name as a kicker over another article's headline, then the article
    text = "\n".join(["Doctors offer free flu shots to detained migrants", "Suzanne Gamboa",
                      "2 US service members die in Afghanistan chopper crash", *STORM[:3]])
    doc = clean(text)
    assert doc.metadata["title"] == "Doctors offer free flu shots to detained migrants"
    assert doc.text == "\n".join(STORM[:3])
    assert clean(doc.text).text == doc.text


def test_a_sign_off_bio_over_a_closing_photo_credit_goes_with_it():
    bio = "Mike Wall's book about the search for alien life is out now. Follow him on Twitter @michaeldwall."
    doc = clean("\n\n".join([*STORM[:3], bio, "(Image credit: All About Space)"]))
    assert doc.text == "\n\n".join(STORM[:3])
    assert {e.rule for e in doc.edits} == {"author_bio", "photo_credit"}


def test_a_photo_credit_on_its_own_line_goes_with_its_line_break():
    text = "\n\n".join([STORM[0], "The storm over the harbour on Tuesday night.\n(Image: © Jane Smith/Getty)", *STORM[1:3]])
    doc = clean(text)
    assert "(Image:" not in doc.text and "\n\n\n" not in doc.text
    assert [e.rule for e in doc.edits] == ["photo_credit"]
    assert clean(doc.text).text == doc.text


# -- the head of an article inside a page dump -----------------------------------------
@pytest.mark.parametrize(
    "head",
    [
        ["Jane Smith", "September 4, 2025", "5:50 am", "Storm leaves thousands without power"],
        ["Storm leaves thousands without power", "Jane Smith", "Sep 4, 2025"],
        ["Storm leaves thousands without power", "Jane Smith September 4, 2025"],
    ],
)
def test_a_name_over_the_stamp_right_over_a_page_dumps_article_is_its_byline(head):
    page = "\n".join([*MENU, "Order Now", *head, *STORM, "About Us", "Contact", "Careers"])
    doc = clean(page)
    assert doc.metadata.get("author") == ["Jane Smith"]
    assert doc.metadata.get("published", "").startswith("2025-09-04")
    assert [r["kind"] for r in doc.removed if r["text"].strip().startswith("Jane Smith")] == ["byline"]


def test_a_headline_over_the_stamp_is_no_byline():
    page = "\n".join([*MENU, "Storm Season Report", "September 4, 2025", *STORM, "About Us", "Contact", "Careers"])
    assert clean(page).metadata.get("author") is None
