"""Adding missing gebieden and partijen never makes a near-duplicate of one that is there: the
import proposes the existing one, and a truly new one is added only when asked for by name."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest.lookalikes import comparable, distance, lookalikes
from dashboard.ingest.missing import NameChoices, unknown_names
from dashboard.models import Partij

from ingest_helpers import value

HEADER = "indicator;gebied;partij;periode;waarde\n"
KNOWN = ["Woonstichting Een", "Gemeente Denkbeeldstad", "Groningen (PV)", "Groningen", "Stichting Nergenshuis", "WSW"]


@pytest.mark.parametrize("name, alike", [
    ("Woonstichting Eén", ["Woonstichting Een"]),  # accents
    ("WOONSTICHTING  een", ["Woonstichting Een"]),  # case and spaces
    ("Woonstichting-Een.", ["Woonstichting Een"]),  # punctuation
    ("Stichting Nergenhuis", ["Stichting Nergenshuis"]),  # one letter off
    ("Groningen (gemeente)", ["Groningen (PV)", "Groningen"]),  # a CBS qualifier
    ("Denkbeeldstad", ["Gemeente Denkbeeldstad"]),  # the gemeente as partij and as gebied
    ("WSV", []),  # a short name must match exactly
    ("Woonstichting Twee", []),
    ("Stichting Nieuwbouw", []),
])
def test_lookalikes_see_through_accents_case_spaces_qualifiers_and_typos(name, alike):
    assert lookalikes(name, KNOWN) == alike


def test_comparable_and_distance():
    assert comparable("  Woonstichting Eén (corporatie) ") == "woonstichting een"
    assert distance("nergenshuis", "nergenhuis", 2) == 1
    assert distance("abc", "xyzabc", 2) == 3  # beyond the limit: limit + 1


def _partijen(db) -> list[str]:
    with db.make_session() as session:
        return sorted(session.scalars(select(Partij.naam)))


def test_add_missing_never_adds_a_near_duplicate_and_proposes_the_existing_one(demo_db):
    before = _partijen(demo_db)
    data = HEADER + "verhuringen;GM9901;Woonstichting Denkbeeld Wonén;2031;12\n"
    with pytest.raises(ImportRejected) as refused:
        import_file(demo_db, data.encode(), add_missing=True)
    [problem] = refused.value.problems
    assert "Bedoelt u 'Woonstichting Denkbeeld Wonen'?" in problem.message
    assert problem.lookalikes == ("Woonstichting Denkbeeld Wonen",)
    assert _partijen(demo_db) == before
    [unknown] = unknown_names(refused.value.problems)
    assert (unknown.soort, unknown.naam, unknown.may_add) == ("partij", "Woonstichting Denkbeeld Wonén", False)


def test_the_user_can_read_a_lookalike_as_the_existing_one(demo_db):
    data = HEADER + "verhuringen;GM9901;Woonstichting Denkbeeld Wonén;2031;12\n"
    choices = NameChoices(same_as=frozenset({("partij", "Woonstichting Denkbeeld Wonén", "Woonstichting Denkbeeld Wonen")}))
    report = import_file(demo_db, data.encode(), add_missing=choices)
    assert report.added == []
    assert report.notes == ["partij 'Woonstichting Denkbeeld Wonén' gelezen als 'Woonstichting Denkbeeld Wonen'"]
    assert value(demo_db, "verhuringen", "GM9901", "2031", "Woonstichting Denkbeeld Wonen") == 12


def test_a_new_name_is_added_only_when_chosen(demo_db):
    data = HEADER + "verhuringen;GM9901;Stichting Nieuwbouw;2031;12\nverhuringen;GM9901;Woonbond Oost;2031;3\n"
    with pytest.raises(ImportRejected) as refused:
        import_file(demo_db, data.encode(), add_missing=NameChoices(add=frozenset({("partij", "Stichting Nieuwbouw")})))
    assert [p.value for p in refused.value.problems] == ["Woonbond Oost"]
    assert "Stichting Nieuwbouw" not in _partijen(demo_db)  # refused as a whole: nothing added either
    choices = NameChoices(add=frozenset({("partij", "Stichting Nieuwbouw"), ("partij", "Woonbond Oost")}))
    report = import_file(demo_db, data.encode(), add_missing=choices)
    assert report.added == ["partij Stichting Nieuwbouw", "partij Woonbond Oost"]


def test_two_spellings_of_one_new_partij_in_a_file_add_only_one(demo_db):
    data = HEADER + "verhuringen;GM9901;Stichting Nieuwbouw;2031;12\nverhuringen;GM9901;Stichting  nieuwbouw;2032;3\n"
    with pytest.raises(ImportRejected) as refused:
        import_file(demo_db, data.encode(), add_missing=True)
    [problem] = refused.value.problems
    assert problem.value == "Stichting  nieuwbouw" and "Bedoelt u 'Stichting Nieuwbouw'?" in problem.message


def test_a_gebied_named_instead_of_coded_proposes_its_code(demo_db):
    data = HEADER + "verhuringen;Denkbeeldstad (gemeente);;2031;12\n"
    with pytest.raises(ImportRejected) as refused:
        import_file(demo_db, data.encode(), add_missing=True)
    [problem] = refused.value.problems
    assert "Bedoelt u GM9901 (Denkbeeldstad (fictief))?" in problem.message
    [unknown] = unknown_names(refused.value.problems)
    assert (unknown.soort, unknown.lookalikes, unknown.may_add) == ("gebied", ("GM9901",), False)
    choices = NameChoices(same_as=frozenset({("gebied", "Denkbeeldstad (gemeente)", "GM9901")}))
    import_file(demo_db, data.encode(), add_missing=choices)
    assert value(demo_db, "verhuringen", "GM9901", "2031") == 12


def test_an_unknown_code_may_be_added_as_a_new_gebied(demo_db):
    data = HEADER + "verhuringen;gm9999  ;;2031;12\n"
    with pytest.raises(ImportRejected) as refused:
        import_file(demo_db, data.encode())
    [unknown] = unknown_names(refused.value.problems)
    assert (unknown.soort, unknown.naam, unknown.may_add) == ("gebied", "GM9999", True)
    report = import_file(demo_db, data.encode(), add_missing=NameChoices(add=frozenset({("gebied", "GM9999")})))
    assert report.added == ["gebied GM9999"]
