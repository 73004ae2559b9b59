"""The README and docs/ stay true to the code: every command, option, setting and link.

Modelled on datasette's tests/test_docs.py: the facts are read from the real thing (the argparse
parser, the code that reads the environment, the files on disk), so a change that forgets the
documentation fails here with the name of what is missing.
"""
from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

import pytest

from dashboard import cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
CLI_DOC = DOCS / "cli.md"
QUICK_START = [
    "pip install -r requirements.txt && streamlit run app.py",
    "pip install -r requirements-dev.txt && pytest",
]
SETTING = re.compile(r"\bDASHBOARD_[A-Z0-9_]*[A-Z0-9]\b")
TEST_SETTING = re.compile(r"\bDASHBOARD_TEST_[A-Z0-9_]*[A-Z0-9]\b")
FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.M | re.S)


# --- reading markdown ------------------------------------------------------------------------------

def prose(text: str) -> str:
    """The text without fenced code blocks (a `#` comment in a bash block is not a heading)."""
    return FENCE.sub("", text)


def section(text: str, heading: str) -> str:
    """The body under `heading` (a whole heading line, e.g. "## Settings") up to the next heading of
    the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = text.splitlines()
    try:
        start = lines.index(heading) + 1
    except ValueError:
        pytest.fail(f"no heading {heading!r} found")
    body = []
    in_fence = False
    for line in lines[start:]:
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
        match = re.match(r"(#{1,6}) ", line)
        if not in_fence and match and len(match.group(1)) <= level:
            break
        body.append(line)
    return "\n".join(body)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    for match in re.finditer(r"^#{1,6} +(.+?) *#*$", prose(path.read_text(encoding="utf-8")), re.M):
        base = slug(match.group(1))
        name, n = base, 0
        while name in found:  # a repeated heading gets -1, -2 ...
            n += 1
            name = f"{base}-{n}"
        found.add(name)
    return found


# --- (a) every command and option of the real parser is in docs/cli.md -------------------------------

def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(path, parser) of every command that runs, nested ones included (`users add`, `imports undo`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))
            return
    if path:
        yield path, parser


COMMANDS = {" ".join(path): parser for path, parser in commands(cli.build_parser())}


def arguments(parser: argparse.ArgumentParser):
    """(how the docs name it, its choices) for every option and positional, `--help` left out."""
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            name = max(action.option_strings, key=len)
        else:
            name = action.metavar or action.dest.upper()
        yield name, [str(choice) for choice in action.choices or ()]


def cli_section(command: str) -> str:
    return section(CLI_DOC.read_text(encoding="utf-8"), f"## `{command}`")


def test_the_parser_has_nested_commands():
    # The walk below must see through subparsers; a flat list would make the other tests vacuous.
    assert {"users add", "imports undo", "share create", "vergaderingen create", "init"} <= set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_is_documented(command):
    headings = re.findall(r"^## `([^`]+)`$", prose(CLI_DOC.read_text(encoding="utf-8")), re.M)
    assert command in headings, f"`python -m dashboard {command}` has no section \"## `{command}`\" in docs/cli.md"


def explained(name: str, body: str) -> bool:
    """An option is explained in a list item of its section (`- `--days N`: ...`); a positional
    (NAAM, BATCH_ID) is named anywhere in it, usually in the usage line."""
    if not name.startswith("-"):
        return name in body
    items = [line for line in body.splitlines() if line.startswith("- ")]
    return any(re.search(rf"`{re.escape(name)}[` ]", line) for line in items)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_options_are_documented(command):
    body = cli_section(command)
    missing = [name for name, _ in arguments(COMMANDS[command]) if not explained(name, body)]
    assert not missing, f"docs/cli.md, section `{command}`, does not explain {', '.join(missing)}"
    missing = [f"{name} {choice}" for name, choices in arguments(COMMANDS[command])
               for choice in choices if choice not in body]
    assert not missing, f"docs/cli.md, section `{command}`, does not name the choice(s) {', '.join(missing)}"


def test_cli_doc_documents_no_command_that_does_not_exist():
    headings = re.findall(r"^## `([^`]+)`$", prose(CLI_DOC.read_text(encoding="utf-8")), re.M)
    stale = [h for h in headings if h not in COMMANDS]
    assert not stale, f"docs/cli.md documents command(s) the parser does not have: {', '.join(stale)}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_readme_lists_command(command):
    group, *action = command.split()
    body = section(README.read_text(encoding="utf-8"), "## Command line")
    lines = [line for line in body.splitlines() if re.match(rf"- `{re.escape(group)}\b(?![-\w])", line)]
    assert lines, f"the README's \"Command line\" list has no line for `{group}`"
    if action:
        words = re.findall(r"[\w-]+", lines[0].split("`")[1])
        assert action[0] in words, f"the README's \"Command line\" line for `{group}` does not name `{command}`"


# --- (b) every DASHBOARD_* setting the code reads is in the README's settings table -------------------

def read_settings() -> dict[str, set[str]]:
    """Setting -> files that name it, in src/, app.py, pages/ and deploy/ (not deploy/run/)."""
    places = [ROOT / "app.py", *(ROOT / d for d in ("src", "pages", "deploy"))]
    files = [p for place in places for p in ([place] if place.is_file() else place.rglob("*"))
             if p.is_file() and p.suffix in {".py", ".sh", ".template", ".toml"}
             and "__pycache__" not in p.parts and not p.is_relative_to(ROOT / "deploy" / "run")]
    found: dict[str, set[str]] = {}
    for path in files:
        for name in SETTING.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    for path in (ROOT / "tests").rglob("*.py"):  # test-only settings may live beside the tests
        if path.resolve() != Path(__file__).resolve():
            for name in TEST_SETTING.findall(path.read_text(encoding="utf-8")):
                found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return found


SETTINGS = read_settings()


def settings_section() -> str:
    return section(README.read_text(encoding="utf-8"), "## Settings")


def table_rows() -> list[str]:
    return re.findall(r"^\|\s*`(DASHBOARD_[A-Z0-9_]+)`\s*\|", settings_section(), re.M)


def test_the_code_reads_settings():
    assert "DASHBOARD_DATABASE_URL" in SETTINGS, "the scan of src/ found no settings: the test would prove nothing"


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_setting_is_in_the_readme(name):
    where = ", ".join(sorted(SETTINGS[name]))
    if TEST_SETTING.fullmatch(name):
        notes = "\n".join(line for line in settings_section().splitlines() if not line.startswith("|"))
        assert name in notes, f"{name} (read in {where}) is not in the note for tests under the README's settings table"
        assert name not in table_rows(), f"{name} is for tests only; it belongs in the note, not in the settings table"
    else:
        assert name in table_rows(), f"{name} (read in {where}) has no row in the README's settings table"


def test_settings_table_names_only_real_settings():
    stale = [name for name in table_rows() if name not in SETTINGS]
    assert not stale, f"the README's settings table names setting(s) no code reads: {', '.join(stale)}"


# --- (c) every relative link in README.md and docs/ points to something that exists -------------------

MARKDOWN = [README, *sorted(DOCS.glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


def links(path: Path) -> list[str]:
    text = re.sub(r"`[^`\n]*`", "", prose(path.read_text(encoding="utf-8")))  # not links inside code
    return LINK.findall(text) + REFERENCE.findall(text)


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(path):
    broken = []
    for target in links(path):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):  # https:, mailto: ...
            continue
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        if not linked.exists():
            broken.append(f"{target} (no file {linked.relative_to(ROOT) if linked.is_relative_to(ROOT) else linked})")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{target} (no heading #{anchor} in {linked.relative_to(ROOT)})")
    assert not broken, f"{path.relative_to(ROOT)} has broken link(s): " + "; ".join(dict.fromkeys(broken))


def test_every_doc_is_linked_from_the_readme():
    linked = {(README.parent / t.partition("#")[0]).resolve() for t in links(README)}
    orphans = [str(p.relative_to(ROOT)) for p in DOCS.glob("*.md") if p.resolve() not in linked]
    assert not orphans, f"the README links to no {', '.join(orphans)}"


# --- (d) the quick start holds exactly the two commands ---------------------------------------------

def test_quick_start_holds_exactly_the_two_commands():
    body = section(README.read_text(encoding="utf-8"), "## Snel aan de slag")
    blocks = re.findall(r"^```([^\n]*)\n(.*?)^```[ \t]*$", body, re.M | re.S)
    found = [code.strip() for _, code in blocks]
    missing = [command for command in QUICK_START if command not in found]
    extra = [code for code in found if code not in QUICK_START]
    assert not missing, f"the README's quick start lacks {missing}"
    assert not extra, f"the README's quick start has other code than the two commands: {extra}"
    assert found == QUICK_START, f"the README's quick start has {found}, expected {QUICK_START} in this order"
    not_bash = [language for language, _ in blocks if language.strip() != "bash"]
    assert not not_bash, f"each quick-start command stands in its own ```bash block, found ```{not_bash[0]}"


# --- and the dependency lists name every package -----------------------------------------------------

def requirements() -> list[str]:
    names = []
    for file in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / file).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-"):
                names.append(re.split(r"[\[<>=!~; ]", line)[0])
    return names


@pytest.mark.parametrize("package", requirements())
def test_dependency_is_explained(package):
    readme = section(README.read_text(encoding="utf-8"), "## Dependencies").lower()
    assert package.lower() in readme, f"{package} (in requirements) is not in the README's \"Dependencies\""
    explained = (DOCS / "dependencies.md").read_text(encoding="utf-8").lower()
    assert f"**{package.lower()}**" in explained, f"{package} (in requirements) has no line in docs/dependencies.md"


REPOSITORY_PATH = re.compile(r"\b(?:src|tests|pages|benchmarks|deploy|data)/[\w./-]*\w")


def made_at_run_time(name: str) -> bool:
    return any(subprocess.run(["git", "check-ignore", "-q", candidate], cwd=ROOT).returncode == 0
               for candidate in (name, name + "/"))  # a folder's pattern ends in a slash


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.name)
def test_every_file_the_docs_name_exists(path):
    """Paths written as code (`src/dashboard/toegang/access.py`) are not links, so a move would leave them
    stale; a path the app makes at run time (`data/.secret_key`) is one git ignores."""
    named = {match for span in re.findall(r"`([^`\n]+)`", path.read_text(encoding="utf-8"))
             for match in REPOSITORY_PATH.findall(span) if "*" not in span and "<" not in span}
    missing = sorted(name for name in named if not (ROOT / name).exists() and not made_at_run_time(name))
    assert not missing, f"{path.relative_to(ROOT)} names path(s) that do not exist: {', '.join(missing)}"
