"""Single sign-on without Streamlit: is the organisation's provider there and set up right, and
which role does a signed-in organisation account get here.

Streamlit's own routes (`st.login`) answer a provider they cannot reach with a bare English
"Authentication error", and a token exchange that fails (a wrong client secret) with a silent
return to the start page. So the login page asks the provider's discovery document first
(`check_provider`) and offers the button only when it is there and names itself as the issuer
it is reached at; deploy/serve.py turns the failures of Streamlit's routes into a Dutch message
(dashboard/ui/server.py). A role follows from an e-mail address only when the provider vouches
for that address (`email_verified`; Microsoft Entra ID's `xms_edov` where it sends no
`email_verified`): otherwise anyone who can choose their own address at some provider could
take the role of a domain.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from dashboard.toegang import accounts

DISCOVERY = "/.well-known/openid-configuration"
TIMEOUT_SECONDS = 5
REQUIRED = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
UNREACHABLE = ("Inloggen met uw organisatieaccount kan nu niet: de inlogdienst van uw organisatie is niet "
               "bereikbaar. Log in met een lokaal account, of probeer het later opnieuw.")
MISCONFIGURED = ("Inloggen met uw organisatieaccount kan nu niet: de koppeling met de inlogdienst van uw "
                 "organisatie is niet goed ingesteld. Log in met een lokaal account en meld het aan de beheerder; "
                 "die vindt de details in het serverlog.")
FAILED = ("Inloggen met uw organisatieaccount is niet gelukt: de inlogdienst en deze app zijn het niet eens "
          "geworden (bijvoorbeeld over het clientgeheim). Log in met een lokaal account en meld het aan de "
          "beheerder; die vindt de details in het serverlog.")


@dataclass(frozen=True)
class ProviderCheck:
    ok: bool
    message: str = ""  # Dutch, for anyone on the login page
    detail: str = ""   # what was asked and answered: for the log


def check_provider(server_metadata_url: str, timeout: float = TIMEOUT_SECONDS) -> ProviderCheck:
    """Fetch the discovery document: there, JSON, complete, and naming the issuer it is served for."""
    url = (server_metadata_url or "").strip()
    if not url.startswith(("https://", "http://")):
        return ProviderCheck(False, MISCONFIGURED, f"server_metadata_url {url!r} is geen http(s)-adres.")
    try:
        answer = httpx.get(url, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as error:
        return ProviderCheck(False, UNREACHABLE, f"{url}: {type(error).__name__}: {error}")
    if answer.status_code != 200:
        return ProviderCheck(False, MISCONFIGURED, f"{url} gaf HTTP {answer.status_code}: geen discovery-document.")
    try:
        document = answer.json()
    except ValueError:
        return ProviderCheck(False, MISCONFIGURED, f"{url} gaf geen JSON.")
    if not isinstance(document, dict) or (missing := [key for key in REQUIRED if not document.get(key)]):
        return ProviderCheck(False, MISCONFIGURED, f"{url} mist {', '.join(missing) if isinstance(document, dict) else 'alles'}.")
    expected = url.removesuffix(DISCOVERY).rstrip("/") if url.endswith(DISCOVERY) else None
    if expected is not None and str(document["issuer"]).rstrip("/") != expected:
        return ProviderCheck(False, MISCONFIGURED, f"De issuer in het discovery-document is {document['issuer']!r}, "
                                                   f"niet {expected!r}: de id_tokens zouden worden geweigerd.")
    return ProviderCheck(True)


def email_verified(claims: Mapping) -> bool:
    """The provider vouches for the address: email_verified true (a JSON boolean or "true"); Entra ID
    sends none and says xms_edov (the domain's owner verified it) instead."""
    value = claims.get("email_verified")
    if value is None:
        value = claims.get("xms_edov")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


@dataclass(frozen=True)
class Decision:
    role: str | None
    refusal: str = ""  # Dutch, for the signed-in person, when there is no role


def role_for(claims: Mapping, roles: dict[str, str]) -> Decision:
    """The role of a signed-in organisation account: from its e-mail address, only when verified."""
    email = str(claims.get("email") or "").strip()
    if not email:
        return Decision(None, "Uw organisatie gaf bij het inloggen geen e-mailadres mee, dus dit account krijgt hier "
                              "geen rol. Vraag een beheerder om u toe te voegen.")
    if not email_verified(claims):
        return Decision(None, f"Uw organisatie meldt het e-mailadres {email} niet als bevestigd (email_verified), "
                              "dus het krijgt hier geen rol. Vraag de beheerder van uw organisatieaccount het adres te "
                              "bevestigen, of vraag een beheerder van Tellen & Vertellen om een lokaal account.")
    role = accounts.sso_role(email, roles)
    if role is None:
        return Decision(None, f"Het account {email} heeft geen rol in Tellen & Vertellen. "
                              "Vraag een beheerder om u toe te voegen.")
    return Decision(role)
