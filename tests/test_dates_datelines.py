"""Writing date from a dateline without a stamp word (extract/dates.py: _is_dateline).

A news item, letter or newsletter often dates itself by a bare line under its title
('19 september 2025', 'Zwolle, 4 maart 2024', 'Nummer 7 · 2 mei 2025'). That date anchors
year-less dates told in the past or future tense; without it the document year falls back
to the most mentioned year, which in a text about next year's contracts is the wrong one.
"""
from __future__ import annotations

import pytest

from inkoopgraaf.extract.context import ExtractionContext
from inkoopgraaf.extract.dates import detect_document_date, extract_dates
from inkoopgraaf.extract.readers import read_document

BODY = ("Het dagelijks bestuur heeft op 11 september ingestemd met de inkoopstrategie voor de "
        "ambulante jeugdhulp vanaf 2027. De nieuwe contracten gaan in 2027 in.\n")

DATELINES = [
    ("Bestuur kiest voor trajectprijzen\n18 september 2026\n", "2026-09-18"),
    ("Actueel\n18-09-2026\n", "2026-09-18"),
    ("Nieuws | 18 september 2026\n", "2026-09-18"),
    ("Zwolle, 18 september 2026\n", "2026-09-18"),
    ("Inkoopnieuws Jeugd\nJaargang 5, nr. 4 · 18 september 2026\n", "2026-09-18"),
    ("Nieuwsflits\nEditie 12 – september 2026\n", "2026-09-30"),
]


def _doc(tmp_path, text):
    p = tmp_path / "bericht.txt"
    p.write_text(text, encoding="utf-8")
    return read_document(p)


@pytest.mark.parametrize("head,expected", DATELINES, ids=[h.split("\n")[-2][:30] for h, _ in DATELINES])
def test_dateline_is_the_writing_date(tmp_path, head, expected):
    doc = _doc(tmp_path, head + BODY)
    assert detect_document_date(doc).isoformat() == expected
    facts = {f.text: f.value for f in extract_dates(ExtractionContext(doc=doc, year=None))}
    # the past-tense decision lies before the writing date, in its year, not in 2027
    assert facts["11 september"]["start"] == "2026-09-11"


NOT_DATELINES = [
    # a timeline: the lone date has a short event label under it
    "Planning\n1 maart 2027\nPublicatie van de aanbesteding\n",
    # a month alone on a line is more often a timeline entry than an issue date
    "Planning\nmaart 2027\n",
    # a date inside a sentence of the title is no dateline
    "Bestuur stemt op 18 september 2026 in met de strategie\n",
]


@pytest.mark.parametrize("head", NOT_DATELINES, ids=[h[:30] for h in NOT_DATELINES])
def test_no_dateline(tmp_path, head):
    assert detect_document_date(_doc(tmp_path, head + BODY)) is None


def test_report_over_an_earlier_year_narrates_that_year(tmp_path):
    """A year report written the next year: year-less dates of its narrative lie in the
    reported year, and an explicit later year ('In 2027 ...') takes over after it."""
    text = ("Stichting De Brug\nJaarverslag 2026\n"
            "Voorwoord\nIn het najaar verhuisden we naar een nieuw pand.\n"
            "Op 3 februari openden we de inloop in de wijk.\n"
            "Eind 2026 werkten er 40 mensen; in het voorjaar kwam er een tweede team bij.\n"
            "Vooruitblik\nIn 2027 breiden we uit.\nNa de zomer volgt een evaluatie.\n"
            "Het bestuur stelde dit verslag op 20 maart 2027 vast.\n")
    doc = _doc(tmp_path, text)
    facts = {f.text: f.value for f in extract_dates(ExtractionContext(doc=doc, year=2027))}
    assert facts["najaar"]["start"] == "2026-09-23"
    assert facts["3 februari"]["start"] == "2026-02-03"
    assert facts["voorjaar"]["start"] == "2026-03-20"
    assert facts["zomer"]["start"] == "2027-06-21"


def test_report_title_of_the_writing_year_changes_nothing(tmp_path):
    text = "Voortgangsrapportage 2027\nOp 3 februari besloot het bestuur.\n"
    facts = {f.text: f.value for f in extract_dates(ExtractionContext(doc=_doc(tmp_path, text), year=2027))}
    assert facts["3 februari"]["start"] == "2027-02-03"
