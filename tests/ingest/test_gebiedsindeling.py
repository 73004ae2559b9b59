"""The shipped CBS gemeentelijke indeling: names as StatLine writes them resolve to their code."""
from __future__ import annotations

import pytest

from dashboard.ingest import gebiedsindeling


@pytest.mark.parametrize("naam, code", [
    ("Groningen (gemeente)", "GM0014"), ("'s-Gravenhage (gemeente)", "GM0518"), ("Utrecht (gemeente)", "GM0344"),
    ("Beek (L.)", "GM0888"), ("Bergen (NH.)", "GM0373"), ("Bergen (L.)", "GM0893"), ("Hengelo (O.)", "GM0164"),
    ("Rijswijk (ZH.)", "GM0603"), ("Middelburg (Z.)", "GM0687"), ("Laren (NH.)", "GM0417"), ("Stein (L.)", "GM0971"),
    ("SUDWEST  fryslan", "GM1900"), ("Súdwest-Fryslân", "GM1900"), ("gm0363  ", "GM0363"), ("Gemeente Amsterdam", "GM0363"),
])
def test_a_name_as_statline_writes_it_resolves_to_its_code(naam, code):
    assert gebiedsindeling.resolve(naam, 2024).code == code


def test_the_year_and_the_suffix_decide_between_gemeenten_of_one_name():
    assert gebiedsindeling.resolve("Hengelo", 2020).code == "GM0164"  # Hengelo in Gelderland ended in 2005
    assert gebiedsindeling.resolve("Hengelo (Gld.)", 2003).code == "GM0248"
    assert gebiedsindeling.resolve("Bergen", 2020) is None  # in Limburg and in Noord-Holland
    assert gebiedsindeling.resolve("Groningen (PV)", 2020) is None  # the provincie, not the gemeente


@pytest.mark.parametrize("naam, jaar, code, toelichting", [
    ("Werkendam", 2024, "GM0870", "opgeheven in 2019, opgegaan in Altena"),
    ("Rozenburg", 2010, "GM0600", "opgeheven in 2010, opgegaan in Rotterdam"),
    ("Weesp", 2023, "GM0457", "opgeheven in 2022, opgegaan in Amsterdam"),
    ("Haaren", 2022, "GM0788", "opgeheven in 2021, verdeeld over Boxtel, Oisterwijk, Tilburg en Vught"),
    ("Altena", 2024, "GM1959", ""),
])
def test_a_dissolved_gemeente_is_found_and_says_where_it_went(naam, jaar, code, toelichting):
    gemeente = gebiedsindeling.resolve(naam, jaar)
    assert (gemeente.code, gemeente.toelichting) == (code, toelichting)


def test_a_name_that_matches_none_gets_the_nearest_names():
    assert gebiedsindeling.resolve("Amsterdm", 2024) is None
    assert gebiedsindeling.nearest("Amsterdm") == ["Amsterdam"]
    assert gebiedsindeling.nearest("Bergen")[:2] == ["Bergen (L.)", "Bergen (NH.)"]


def test_every_year_has_as_many_gemeenten_as_cbs_counted_on_1_january():
    published = {2010: 431, 2011: 418, 2012: 415, 2013: 408, 2014: 403, 2015: 393, 2016: 390, 2017: 388, 2018: 380,
                 2019: 355, 2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342, 2025: 342,
                 2026: 342}  # no herindeling on 1 January 2026 (data/gebiedsindeling/README.md)
    for jaar, aantal in published.items():
        date = f"{jaar}-01-01"
        there = [g for g in gebiedsindeling.gemeenten().values() if g.begin <= date and (not g.einde or g.einde > date)]
        assert len(there) == aantal, jaar
        assert all(g.provincie.startswith("PV") and g.provincienaam for g in there)
    dissolved = [g for g in gebiedsindeling.gemeenten().values() if g.einde]
    assert all(g.opgegaan_in for g in dissolved)  # no dissolved gemeente without its successor
