"""Single sign-on for real: st.login with Authlib against an OpenID provider on loopback (the npm package
oidc-provider, tests/oidc/provider.mjs): discovery, the authorization code flow through the provider's
login page, a signed id_token; the role comes from [dashboard.sso_roles], only for a verified address;
logout ends both sessions. A provider that is down or set up wrong, and a wrong client secret, give a
Dutch message on the login page, never Streamlit's English "Authentication error"."""
from __future__ import annotations

import secrets
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from harness import NODE_BIN, NODE_ENV, npm_tools, wait_ready
from playwright.sync_api import expect

from dashboard.testing.live_server import free_port
from dashboard.toegang import oidc
from dashboard.toegang.oidc import DISCOVERY

OIDC = Path(__file__).resolve().parents[1] / "oidc"
CLIENT_ID, KNOWN, UNKNOWN = "tellen-vertellen", "anna@gemeente.example.nl", "iemand@elders.example.nl"
DOMAIN, UNVERIFIED = "gemeente.example.nl", "onbevestigd.piet@gemeente.example.nl"  # the provider: email_verified false


@dataclass
class Provider:
    issuer: str
    app_port: int
    client_secret: str
    process: subprocess.Popen

    def __iter__(self):
        return iter((self.issuer, self.app_port, self.client_secret))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def provider(tmp_path):
    """The provider, with a client for an app on a port chosen here; yields (issuer, app port)."""
    npm_tools(OIDC)
    oidc_port, app_port, client_secret = free_port(), free_port(), secrets.token_urlsafe(24)
    log = open(tmp_path / "oidc.log", "w")
    process = subprocess.Popen([str(NODE_BIN / "node"), "provider.mjs"], cwd=OIDC, stdout=log, stderr=subprocess.STDOUT, env={
        **NODE_ENV, "OIDC_PORT": str(oidc_port), "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": client_secret, "OIDC_REDIRECT_URI": f"http://127.0.0.1:{app_port}/oauth2callback"})
    issuer = f"http://127.0.0.1:{oidc_port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(issuer + "/.well-known/openid-configuration", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((tmp_path / "oidc.log").read_text())
            time.sleep(0.3)
    yield Provider(issuer, app_port, client_secret, process)
    process.terminate()
    process.wait(timeout=10)
    log.close()


def secrets_file(folder: Path, app_port: int, client_secret: str, metadata_url: str) -> Path:
    """The app's [auth] for a provider, in a secrets file of the test's own (never the repo's .streamlit)."""
    path = folder / "secrets.toml"
    path.write_text(f"""
[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "{secrets.token_urlsafe(32)}"
client_id = "{CLIENT_ID}"
client_secret = "{client_secret}"
server_metadata_url = "{metadata_url}"

[dashboard.sso_roles]
"{KNOWN}" = "redacteur"
"@{DOMAIN}" = "lezer"
""")
    return path


@pytest.fixture
def sso_server(provider, server_factory, tmp_path):
    """The app with [auth] for that provider."""
    issuer, app_port, client_secret = provider
    secrets_path = secrets_file(tmp_path, app_port, client_secret, issuer + DISCOVERY)
    server = server_factory("--secrets.files", str(secrets_path), port=app_port)
    added = server.cli("users", "add", "beheer", "--role", "beheerder", "--password-stdin", stdin="sso-eerste-wachtwoord\n")
    assert added.returncode == 0, added.stderr
    return server, issuer


def log_in_at_the_provider(page, server, email: str) -> None:
    page.goto(server.url + "/")
    wait_ready(page)
    page.get_by_role("button", name="Inloggen met uw organisatieaccount").click()
    expect(page.get_by_role("heading", name="Inloggen bij de testorganisatie")).to_be_visible()
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_role("button", name="Inloggen bij de testorganisatie").click()
    page.wait_for_url(server.url + "/**")
    wait_ready(page)


def provider_session(page, issuer: str) -> bool:
    return any(c["name"] == "_session" for c in page.context.cookies(issuer))


def test_sso_login_lands_with_the_mapped_role_and_logout_ends_both(sso_server, page):
    server, issuer = sso_server
    log_in_at_the_provider(page, server, KNOWN)
    expect(page.get_by_role("heading", name="Tellen & Vertellen")).to_be_visible()
    expect(page.get_by_text(f"{KNOWN} · redacteur")).to_be_visible()
    assert provider_session(page, issuer)
    page.reload()
    wait_ready(page)
    expect(page.get_by_text(f"{KNOWN} · redacteur")).to_be_visible()  # the login survives a reload
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("button", name="Inloggen met uw organisatieaccount")).to_be_visible(timeout=60_000)
    wait_ready(page)
    assert not provider_session(page, issuer)  # the provider's own session ended too
    page.goto(server.url + "/dashboard")
    wait_ready(page)
    expect(page.get_by_role("button", name="Inloggen met uw organisatieaccount")).to_be_visible()
    assert page.get_by_test_id("stMetric").count() == 0


def test_an_unknown_address_is_refused_in_dutch_and_sees_no_data(sso_server, page):
    server, _ = sso_server
    log_in_at_the_provider(page, server, UNKNOWN)
    expect(page.get_by_text(f"Het account {UNKNOWN} heeft geen rol in Tellen & Vertellen")).to_be_visible()
    assert page.get_by_test_id("stMetric").count() == 0
    expect(page.get_by_role("heading", name="Tellen & Vertellen")).to_have_count(0)
    page.goto(server.url + "/dashboard")
    wait_ready(page)
    assert page.get_by_test_id("stMetric").count() == 0
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_have_count(0)


def test_an_unverified_address_gets_no_role_from_its_domain(sso_server, page):
    server, _ = sso_server
    log_in_at_the_provider(page, server, UNVERIFIED)
    expect(page.get_by_text(f"Uw organisatie meldt het e-mailadres {UNVERIFIED} niet als bevestigd")).to_be_visible()
    expect(page.get_by_text(f"{UNVERIFIED} · lezer")).to_have_count(0)
    assert page.get_by_test_id("stMetric").count() == 0
    page.goto(server.url + "/dashboard")
    wait_ready(page)
    assert page.get_by_test_id("stMetric").count() == 0


def test_the_provider_check_against_the_real_provider(provider):
    issuer, _, _ = provider
    assert oidc.check_provider(issuer + DISCOVERY).ok
    wrong_issuer = oidc.check_provider(issuer.replace("127.0.0.1", "localhost") + DISCOVERY)
    assert (wrong_issuer.ok, wrong_issuer.message) == (False, oidc.MISCONFIGURED) and "issuer" in wrong_issuer.detail
    missing = oidc.check_provider(issuer + "/verkeerd" + DISCOVERY)
    assert (missing.ok, missing.message) == (False, oidc.MISCONFIGURED) and "HTTP 404" in missing.detail
    closed = oidc.check_provider(f"http://127.0.0.1:{free_port()}{DISCOVERY}")
    assert (closed.ok, closed.message) == (False, oidc.UNREACHABLE)


def _local_accounts_only(server, page) -> None:
    expect(page.get_by_role("button", name="Inloggen met uw organisatieaccount")).to_have_count(0)
    expect(page.get_by_label("Gebruikersnaam")).to_be_visible()  # the local accounts still work
    assert page.get_by_test_id("stException").count() == 0
    assert "Authentication error" not in page.content()


@pytest.mark.parametrize("problem", ["onbereikbaar", "verkeerde issuer", "geen discovery"])
def test_a_provider_down_or_set_up_wrong_gives_a_dutch_login_page(server_factory, provider, tmp_path, page, problem):
    issuer, app_port, client_secret = provider
    metadata = {"onbereikbaar": f"http://127.0.0.1:{free_port()}{DISCOVERY}",
                "verkeerde issuer": issuer.replace("127.0.0.1", "localhost") + DISCOVERY,
                "geen discovery": issuer + "/verkeerd" + DISCOVERY}[problem]
    server = server_factory("--secrets.files", str(secrets_file(tmp_path, app_port, client_secret, metadata)),
                            port=app_port)
    server.cli("users", "add", "beheer", "--role", "beheerder", "--password-stdin", stdin="sso-eerste-wachtwoord\n")
    page.goto(server.url + "/")
    wait_ready(page)
    expect(page.get_by_text(oidc.UNREACHABLE if problem == "onbereikbaar" else oidc.MISCONFIGURED)).to_be_visible()
    _local_accounts_only(server, page)


def test_a_wrong_client_secret_comes_back_as_a_dutch_message(server_factory, provider, tmp_path, page):
    """deploy/serve.py: Streamlit's callback fails the token exchange and would return silently."""
    issuer, app_port, _ = provider
    server = server_factory("--secrets.files", str(secrets_file(tmp_path, app_port, "niet-het-geheim", issuer + DISCOVERY)),
                            port=app_port, script="deploy/serve.py")
    server.cli("users", "add", "beheer", "--role", "beheerder", "--password-stdin", stdin="sso-eerste-wachtwoord\n")
    log_in_at_the_provider(page, server, KNOWN)
    expect(page.get_by_text(oidc.FAILED)).to_be_visible()
    expect(page.get_by_text(f"{KNOWN} · redacteur")).to_have_count(0)
    expect(page.get_by_role("button", name="Inloggen met uw organisatieaccount")).to_be_visible()
    assert "sso=" not in page.url  # said once, not kept in the address
    assert "Inloggen met de organisatie mislukt" in server.log_text()


def test_a_provider_gone_after_the_page_was_drawn_comes_back_in_dutch(server_factory, provider, tmp_path, page):
    """deploy/serve.py: the button was offered, then the provider went away before the click."""
    issuer, app_port, client_secret = provider
    server = server_factory("--secrets.files", str(secrets_file(tmp_path, app_port, client_secret, issuer + DISCOVERY)),
                            port=app_port, script="deploy/serve.py")
    server.cli("users", "add", "beheer", "--role", "beheerder", "--password-stdin", stdin="sso-eerste-wachtwoord\n")
    page.goto(server.url + "/")
    wait_ready(page)
    button = page.get_by_role("button", name="Inloggen met uw organisatieaccount")
    expect(button).to_be_visible()
    provider.stop()
    with page.expect_response(lambda response: "/auth/login" in response.url) as login:
        button.click()
    assert login.value.status == 302 and login.value.headers["location"] == "/?sso=onbereikbaar"
    page.wait_for_load_state()
    wait_ready(page)
    expect(page.get_by_text(oidc.UNREACHABLE)).to_be_visible()
    _local_accounts_only(server, page)
