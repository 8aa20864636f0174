"""The gazetteer domain model (models/gazetteer.py): municipalities by year, jeugdregio's, names."""
from __future__ import annotations

from datetime import date

import pytest

from inkoopgraaf.models import gazetteer as gz

# Municipality counts on 1 January, as documented in models/data/gazetteer/README.md.
COUNTS_ON_1_JANUARY = {2014: 403, 2015: 393, 2016: 390, 2017: 388, 2018: 380, 2019: 355,
                       2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342, 2025: 342}


@pytest.mark.parametrize("year,count", sorted(COUNTS_ON_1_JANUARY.items()))
def test_municipality_counts_per_year(year, count):
    g = gz.get_gazetteer()
    assert sum(m.valid_on(date(year, 1, 1)) for m in g.municipalities.values()) == count


@pytest.mark.parametrize("name,year,cbs", [
    ("Vianen", 2015, "GM0620"),
    ("Vianen", 2022, "GM0620"),             # dissolved: its own code is the nearest sensible reading
    ("Vijfheerenlanden", 2022, "GM1961"),
    ("Vijfheerenlanden", 2015, "GM1961"),   # anachronism: still the only code with that name
    ("Leerdam", 2017, "GM0545"),
    ("Haaren", 2020, "GM0788"),
    ("De Friese Meren", 2014, "GM1921"),
    ("De Friese Meren", 2020, "GM1940"),    # renamed with a new code: the name means the successor later
    ("De Fryske Marren", 2014, "GM1921"),
    ("Súdwest-Fryslân", 2020, "GM1900"),
    ("Sudwest Fryslan", 2020, "GM1900"),
    ("Den Haag", None, "GM0518"),
    ("'s-Hertogenbosch", None, "GM0796"),
    ("Den Bosch", None, "GM0796"),
    ("Bergen (L.)", 2022, "GM0893"),
    ("Bergen (NH)", 2022, "GM0373"),
    ("Capelle a/d IJssel", 2022, "GM0502"),
    ("Weesp", 2021, "GM0457"),
])
def test_resolve_municipality_respects_year(name, year, cbs):
    m = gz.resolve_municipality(name, year)
    assert m is not None and m.cbs == cbs


def test_ambiguous_and_unknown_names():
    assert gz.resolve_municipality("Bergen", 2022) is None
    assert {m.cbs for m in gz.municipality_candidates("Bergen", 2022)} == {"GM0373", "GM0893"}
    assert gz.resolve_municipality("Bergen", 2022, province="Limburg").cbs == "GM0893"
    assert gz.resolve_municipality("Bergen", 2022, province="Noord-Holland").cbs == "GM0373"
    assert gz.resolve_municipality("Atlantis", 2022) is None


def test_successors_follow_mergers_and_splits():
    g = gz.get_gazetteer()
    assert [m.cbs for m in g.successors("GM0620", 2022)] == ["GM1961"]
    assert {m.cbs for m in g.successors("GM0788", 2022)} == {"GM0757", "GM0824", "GM0855", "GM0865"}
    assert [m.cbs for m in g.successors("GM0620", 2015)] == ["GM0620"]


def test_members_change_with_mergers():
    assert {m.name for m in gz.members("lekstroom", 2015)} == {"Houten", "Lopik", "IJsselstein", "Nieuwegein", "Vianen"}
    assert {m.name for m in gz.members("lekstroom", 2022)} == {"Houten", "Lopik", "IJsselstein", "Nieuwegein",
                                                               "Vijfheerenlanden"}
    assert gz.members("lekstroom", None) == gz.members("lekstroom", gz.NEWEST_YEAR)
    assert gz.members("lekstroom", 2010) == gz.members("lekstroom", 2015)   # before the data: earliest period
    assert gz.members("no_such_region", 2020) == []


@pytest.mark.parametrize("year", [2015, 2018, 2019, 2021, 2023, 2025])
def test_every_municipality_in_exactly_one_jeugdregio(year):
    g = gz.get_gazetteer()
    seen: dict[str, str] = {}
    for reg in g.regions.values():
        for m in g.members(reg.id, year):
            assert m.cbs not in seen, (m.name, seen.get(m.cbs), reg.id)
            seen[m.cbs] = reg.id
            assert m.valid_in(year), (m.name, reg.id, year)
    assert set(seen) == {m.cbs for m in g.municipalities_in(year)}


def test_region_records():
    reg = gz.region("zuid_kennemerland")
    assert reg.code == "JZ11" and reg.is_jeugdregio
    assert gz.region("no_such_region") is None
    assert len(gz.region_ids()) == 42 and gz.region_ids() == sorted(gz.region_ids())
    assert [r.id for r in gz.regions_of("GM0356", 2022)] == ["lekstroom"]


@pytest.mark.parametrize("text,region_id", [
    ("Jeugdregio Zuid Oost Utrecht", "zuidoost_utrecht"),
    ("regio Lekstroom", "lekstroom"),
    ("Gooi- en Vechtstreek", "gooi_en_vechtstreek"),
    ("Midden-IJssel / Oost-Veluwe", "midden_ijssel_oost_veluwe"),
    ("Hart van Brabant", "hart_van_brabant"),
    ("IJmond", "ijmond"),
])
def test_resolve_region(text, region_id):
    assert gz.resolve_region(text).id == region_id


@pytest.mark.parametrize("text,region_id", [
    ("Zuid Kennemerlnd", "zuid_kennemerland"),
    ("lekstrom", "lekstroom"),
    ("regio Achterhoeck", "achterhoek"),
    ("ijselland", "ijsselland"),
    ("Holand Rijnland", "holland_rijnland"),
])
def test_nearest_region_ids_suggests(text, region_id):
    assert gz.nearest_region_ids(text)[0] == region_id


def test_nearest_region_ids_of_nonsense_is_empty():
    assert gz.nearest_region_ids("xqzvw") == []
    assert gz.nearest_region_ids("") == []


def test_tooi_uri():
    assert gz.tooi_uri("GM0363") == "https://identifier.overheid.nl/tooi/id/gemeente/gm0363"
    assert gz.tooi_uri("GM0620").endswith("/gm0620")          # dissolved municipality
    assert gz.tooi_uri("GM9999").endswith("/gm9999")          # unknown code: pattern


@pytest.mark.parametrize("name,slug", [
    ("Zuid-Drenthe", "zuid_drenthe"), ("De Kempen", "kempen"), ("Súdwest-Fryslân", "sudwest_fryslan"),
    ("Gooi & Vechtstreek", "gooi_vechtstreek"), ("  Holland   Rijnland ", "holland_rijnland"),
])
def test_slugify(name, slug):
    assert gz.slugify(name) == slug


def test_name_key_and_fold():
    assert gz.name_key("Zuid Oost Utrecht") == gz.name_key("Zuidoost-Utrecht") == "zuidoostutrecht"
    assert gz.name_key("Gooi & Vechtstreek") == gz.name_key("Gooi- en Vechtstreek")
    text = "Súdwest-Fryslân en Sint-Oedenrode"
    assert len(gz.fold(text)) == len(text) and gz.fold(text).startswith("Sudwest-Fryslan")


def test_display_name_drops_cbs_qualifier():
    assert gz.municipality("GM0373").display_name == "Bergen"
    assert gz.municipality("GM0363").display_name == "Amsterdam"


def test_predecessors_are_the_municipalities_that_merged():
    g = gz.get_gazetteer()
    assert sorted(m.name for m in g.predecessors("GM1963")) == \
        ["Binnenmaas", "Cromstrijen", "Korendijk", "Oud-Beijerland", "Strijen"]
    assert [m.name for m in g.predecessors("GM0363")] == ["Weesp"]   # absorbed in 2022, code kept
    assert g.predecessors("GM0344") == []                             # Utrecht: no merger since 2014
