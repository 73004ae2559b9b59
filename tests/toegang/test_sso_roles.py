"""A role follows from an organisation's e-mail address only when the provider vouches for it."""
import pytest

from dashboard.toegang import oidc

ROLES = {"anna@gemeente.example.nl": "beheerder", "@gemeente.example.nl": "lezer"}


@pytest.mark.parametrize("claims, role", [
    ({"email": "anna@gemeente.example.nl", "email_verified": True}, "beheerder"),
    ({"email": "piet@gemeente.example.nl", "email_verified": True}, "lezer"),
    ({"email": "piet@gemeente.example.nl", "email_verified": "true"}, "lezer"),   # some providers send a string
    ({"email": "piet@gemeente.example.nl", "xms_edov": True}, "lezer"),         # Entra ID: domain owner verified
    ({"email": "piet@gemeente.example.nl", "email_verified": False, "xms_edov": True}, None),
    ({"email": "piet@gemeente.example.nl", "email_verified": False}, None),
    ({"email": "piet@gemeente.example.nl", "email_verified": "false"}, None),
    ({"email": "anna@gemeente.example.nl"}, None),                              # no claim at all
    ({"email": "iemand@elders.example.nl", "email_verified": True}, None),
    ({"email_verified": True}, None),
])
def test_the_role_needs_a_verified_address(claims, role):
    assert oidc.role_for(claims, ROLES).role == role


def test_each_refusal_says_why_in_dutch():
    unverified = oidc.role_for({"email": "piet@gemeente.example.nl", "email_verified": False}, ROLES)
    assert unverified.refusal.startswith("Uw organisatie meldt het e-mailadres piet@gemeente.example.nl niet als bevestigd")
    unknown = oidc.role_for({"email": "iemand@elders.example.nl", "email_verified": True}, ROLES)
    assert unknown.refusal == ("Het account iemand@elders.example.nl heeft geen rol in Tellen & Vertellen. "
                               "Vraag een beheerder om u toe te voegen.")
    assert oidc.role_for({}, ROLES).refusal.startswith("Uw organisatie gaf bij het inloggen geen e-mailadres mee")
    assert oidc.role_for({"email": "anna@gemeente.example.nl", "email_verified": True}, ROLES).refusal == ""


def test_a_provider_address_that_is_not_http_is_misconfigured():
    found = oidc.check_provider("login.example.nl/.well-known/openid-configuration")
    assert (found.ok, found.message) == (False, oidc.MISCONFIGURED)
