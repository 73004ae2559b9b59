"""Settings from the environment, each with a working default (the runtime contract)."""
from __future__ import annotations

import functools
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_BASE_URL = "http://localhost:8501"  # the CLI's links when DASHBOARD_BASE_URL is unset (it has no browser)

CBS_ODATA_URL = "https://opendata.cbs.nl/ODataApi/odata"
PDOK_URL = "https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1"


@dataclass(frozen=True)
class Settings:
    database_url: str
    media_dir: Path
    base_url: str | None  # DASHBOARD_BASE_URL; None: unset (the app then takes the browser's address)
    demo: bool
    max_upload_mb: int
    secret_key_file: Path
    trusted_proxies: str = ""  # DASHBOARD_TRUSTED_PROXIES; empty: the loopback addresses (toegang/client.py)
    cbs_odata_url: str = CBS_ODATA_URL  # DASHBOARD_CBS_ODATA_URL: where the open-data sync asks StatLine
    pdok_url: str = PDOK_URL  # DASHBOARD_PDOK_URL: the PDOK wijken-en-buurten OGC API the sync asks
    toestemming_jaren: int = 2  # DASHBOARD_TOESTEMMING_JAREN: how long consent for a photo or video lasts by default
    toestemming_gratie_dagen: int = 30  # DASHBOARD_TOESTEMMING_GRATIE_DAGEN: withdrawn or expired, then files go
    toegankelijkheid: Path = DATA_DIR / "toegankelijkheid.toml"  # DASHBOARD_TOEGANKELIJKHEID: the statement's file

    @property
    def secret_key(self) -> str:
        """DASHBOARD_SECRET_KEY, else a key generated once and kept beside the data (never in git)."""
        from_env = os.environ.get("DASHBOARD_SECRET_KEY")
        if from_env:
            return from_env
        if not self.secret_key_file.exists():
            self.secret_key_file.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.secret_key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_urlsafe(48))
        return self.secret_key_file.read_text().strip()


def _absolute_sqlite(url: str) -> str:
    """A relative SQLite path is taken from the project root, so `data/` works from any folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith((prefix + "/", prefix + "file:")) and ":memory:" not in url:
        return prefix + str(PROJECT_ROOT / url[len(prefix):])
    return url


_READ = ("DASHBOARD_DATABASE_URL", "DASHBOARD_MEDIA_DIR", "DASHBOARD_BASE_URL", "DASHBOARD_DEMO",
         "DASHBOARD_MAX_UPLOAD_MB", "DASHBOARD_TRUSTED_PROXIES", "DASHBOARD_CBS_ODATA_URL", "DASHBOARD_PDOK_URL",
         "DASHBOARD_TOESTEMMING_JAREN", "DASHBOARD_TOESTEMMING_GRATIE_DAGEN", "DASHBOARD_TOEGANKELIJKHEID")


def load() -> Settings:
    """Read the environment now (tests change it between runs). The same values give the Settings
    made for them before: a page asks a dozen times per run, for every viewer."""
    return _settings(tuple(os.environ.get(name) for name in _READ))


@functools.lru_cache(maxsize=16)
def _settings(values: tuple[str | None, ...]) -> Settings:
    env = {name: value for name, value in zip(_READ, values) if value is not None}
    media = Path(env.get("DASHBOARD_MEDIA_DIR", "data/media"))
    verklaring = Path(env.get("DASHBOARD_TOEGANKELIJKHEID", "").strip() or "data/toegankelijkheid.toml")
    return Settings(
        database_url=_absolute_sqlite(env.get("DASHBOARD_DATABASE_URL", "sqlite:///data/dashboard.db")),
        media_dir=media if media.is_absolute() else PROJECT_ROOT / media,
        base_url=env.get("DASHBOARD_BASE_URL", "").strip().rstrip("/") or None,
        demo=env.get("DASHBOARD_DEMO", "1").strip() not in {"0", "false", "nee", "no"},
        max_upload_mb=int(env.get("DASHBOARD_MAX_UPLOAD_MB", "50")),
        secret_key_file=DATA_DIR / ".secret_key",
        trusted_proxies=env.get("DASHBOARD_TRUSTED_PROXIES", ""),
        cbs_odata_url=env.get("DASHBOARD_CBS_ODATA_URL", "").strip() or CBS_ODATA_URL,
        pdok_url=env.get("DASHBOARD_PDOK_URL", "").strip() or PDOK_URL,
        toestemming_jaren=int(env.get("DASHBOARD_TOESTEMMING_JAREN", "2")),
        toestemming_gratie_dagen=int(env.get("DASHBOARD_TOESTEMMING_GRATIE_DAGEN", "30")),
        toegankelijkheid=verklaring if verklaring.is_absolute() else PROJECT_ROOT / verklaring,
    )
