"""A view survives a round trip through the URL; unknown or hostile values fall back with a notice."""
import pytest

from dashboard import queries, views


@pytest.fixture
def options(demo_db):
    with demo_db.make_session() as session:
        return queries.options(session)


def test_a_view_round_trips_through_the_query_string(options):
    asked = {"gebied": "WK990103", "indicator": "label_efg", "partij": "Wooncorporatie Thuisbaak",
             "soort": "kwartaal", "van": "2023", "tot": "2025", "groep": "Kwaliteit en duurzaamheid"}
    view, notices = views.from_params(asked, options)
    assert notices == []
    assert views.from_params(views.to_params(view, options), options)[0] == view


def test_the_default_view_needs_no_query_string(options):
    assert views.to_params(options.default_view(), options) == {}


@pytest.mark.parametrize("name, value", [
    ("gebied", "GM0000' OR 1=1 --"),
    ("indicator", "<script>alert(1)</script>"),
    ("partij", "Onbekende Corporatie"),
    ("soort", "eeuw"),
    ("van", "19999"),
    ("tot", "abc"),
    ("groep", "../../etc/passwd"),
])
def test_unknown_or_malicious_values_fall_back_to_the_default_with_a_notice(options, name, value):
    view, notices = views.from_params({name: value}, options)
    assert view == options.default_view()
    assert len(notices) == 1 and value not in notices[0]


def test_choosing_a_group_keeps_the_indicator_inside_it(options):
    view, _ = views.from_params({"groep": "Leefbaarheid", "indicator": "verhuringen"}, options)
    in_group = options.indicatoren.set_index("sleutel").loc[view.indicator, "categorie"]
    assert in_group == "Leefbaarheid"
