"""Single sign-on for real: st.login with Authlib against an OpenID provider on loopback (the npm package
oidc-provider, tests/oidc/provider.mjs): discovery, the authorization code flow through the provider's
login page, a signed id_token; the role comes from [dashboard.sso_roles]; logout ends both sessions."""
from __future__ import annotations

import secrets
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from harness import NODE_BIN, NODE_ENV, npm_tools, wait_ready
from playwright.sync_api import expect

from dashboard.testing.live_server import free_port

OIDC = Path(__file__).resolve().parents[1] / "oidc"
CLIENT_ID, KNOWN, UNKNOWN = "tellen-vertellen", "anna@gemeente.example.nl", "iemand@elders.example.nl"


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
    yield issuer, app_port, client_secret
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture
def sso_server(provider, server_factory, tmp_path):
    """The app with [auth] for that provider, in a secrets file of the test's own (never the repo's .streamlit)."""
    issuer, app_port, client_secret = provider
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(f'''
[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "{secrets.token_urlsafe(32)}"
client_id = "{CLIENT_ID}"
client_secret = "{client_secret}"
server_metadata_url = "{issuer}/.well-known/openid-configuration"

[dashboard.sso_roles]
"{KNOWN}" = "redacteur"
''')
    server = server_factory("--secrets.files", str(secrets_file), port=app_port)
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
