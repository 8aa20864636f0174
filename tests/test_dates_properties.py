"""Property tests: the date finder never raises, intervals are ordered, text is the slice."""
from hypothesis import given, settings, strategies as st

from inkoopgraaf.extract.dates import find_dates, parse_date

WORDS = ["1", "12", "31", "2022", "'22", "januari", "mei", "feb", "-", "/", "t/m", "tot", "en", ",", "per", "vanaf",
         "eind", "medio", "begin", "Q1", "kwartaal", "eerste", "het", "voorjaar", "van", "week", "€", "30/4", "(", ")",
         "streven", "2014-2018", "1-9-2016", "schooljaar", "2021-2022", ".", "\n", "\t", "dit jaar", "zomer"]

dutchish = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), dutchish), st.one_of(st.none(), st.integers(1990, 2040)))
def test_never_raises_and_values_are_consistent(text, year):
    for m in find_dates(text, year):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.value["start"] <= m.value["end"]
    parse_date(text, year)
