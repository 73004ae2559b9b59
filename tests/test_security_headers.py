"""The security headers are one policy: nginx in front (deploy/nginx.conf.template) sends exactly what
deploy/serve.py's replicas send on their own (dashboard/ui/server.py). That the browser runs the app
under it without a single violation is tested through the real nginx (tests/browser/test_replicas_browser.py)."""
import re
from pathlib import Path

from dashboard.ui import server

TEMPLATE = Path(__file__).resolve().parents[1] / "deploy" / "nginx.conf.template"


def nginx_headers() -> dict[str, str]:
    found = re.findall(r'^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;', TEMPLATE.read_text(), re.M)
    return {name: value for name, value in found}


def test_nginx_sends_the_headers_the_replicas_send():
    assert nginx_headers() == server.HEADERS


def test_nginx_hides_the_replicas_own_copies_so_each_header_is_sent_once():
    hidden = set(re.findall(r"^\s*proxy_hide_header\s+(\S+);", TEMPLATE.read_text(), re.M))
    assert hidden == set(server.HEADERS)


def test_the_policy_forbids_framing_by_others_plugins_and_eval():
    policy = dict(part.split(" ", 1) for part in server.CONTENT_SECURITY_POLICY.split("; "))
    assert policy["frame-ancestors"] == "'self'" and policy["object-src"] == "'none'"
    assert "'unsafe-eval'" not in policy["script-src"].split()  # WebAssembly only: 'wasm-unsafe-eval'
    assert policy["default-src"] == "'self'" and "*" not in server.CONTENT_SECURITY_POLICY
