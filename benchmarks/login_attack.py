"""The beheerder's login while anonymous clients guess: 1,000 failed logins with made-up names from
made-up addresses, in threads, against the core's `accounts.login` (issue #19).

    python benchmarks/login_attack.py [--attempts 1000] [--threads 8] [--logins 20] [--targeted 200]
                                      [--database-url URL]

On a fresh SQLite database in a temporary folder (or an empty database at --database-url), with
the product's own argon2 profile, a beheerder first logs in --logins times with nobody else about:
the baseline, measured in the same run. Then --threads threads send --attempts failures, each
with a random name from a random IPv4 or IPv6 address, while the beheerder keeps logging in with
the right password from the address she used before. Printed: the attack's rate and what the
guesses were told (wrong, or wait), the beheerder's login time during the attack beside the
baseline (median, p95, max, ratio) and whether every one of her logins succeeded. A guess is told
"fout" (checked, wrong), "wachten" (throttled) or "druk" (no turn among the strangers' share of
the cores within 5 s). The old code
refused every login for 15 minutes after 100 such failures. A second round guesses at the
beheerder's own name (--targeted failures from random addresses): her known address is not
slowed down, a new address waits. Not a test: it prints figures and never fails on time.
"""
from __future__ import annotations

import argparse
import ipaddress
import random
import statistics
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dashboard import startup
from dashboard.db import open_database
from dashboard.toegang import accounts

NAME, PASSWORD, HOME = "anna.beheer", "drie-fietsen-op-het-dak", "203.0.113.10"


def random_address(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return str(ipaddress.IPv6Address(rng.getrandbits(128)))
    return str(ipaddress.IPv4Address(rng.getrandbits(32)))


def timed_login(db, name: str, password: str, adres: str | None) -> tuple[float, accounts.LoginResult]:
    start = time.perf_counter()
    result = accounts.login(db, name, password, adres=adres)
    return (time.perf_counter() - start) * 1000, result


def outcome(result: accounts.LoginResult) -> str:
    """What a guess was told: wrong, wait (throttled), or busy (no turn for strangers within 5 s)."""
    if result.token:
        return "ingelogd"
    return {accounts.WRONG: "fout", accounts.BUSY: "druk"}.get(result.message, "wachten")


def beheerder_logins(db, count: int, stop: threading.Event | None, adres: str) -> list[tuple[float, bool]]:
    """`count` logins with the right password, or more until `stop` is set."""
    done = []
    while len(done) < count or (stop is not None and not stop.is_set()):
        ms, result = timed_login(db, NAME, PASSWORD, adres)
        done.append((ms, result.token is not None))
        time.sleep(0.05)
    return done


def attack(db, attempts: int, threads: int, name: str | None, seed: int) -> tuple[float, Counter]:
    """`attempts` failures from random addresses in `threads` threads; random names unless `name`."""
    said: Counter = Counter()
    lock = threading.Lock()

    def one(i: int) -> None:
        rng = random.Random(seed * 1_000_003 + i)
        guess = name or f"gok-{rng.getrandbits(48):012x}"
        _, result = timed_login(db, guess, f"fout-{rng.getrandbits(32)}", random_address(rng))
        with lock:
            said[outcome(result)] += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, range(attempts)))
    return time.perf_counter() - start, said


def figures(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"mediaan {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} ms  max {ordered[-1]:7.1f} ms"


def under_attack(db, args, name: str | None, attempts: int, adres: str) -> tuple[list, float, Counter]:
    stop = threading.Event()
    logins: list = []
    watcher = threading.Thread(target=lambda: logins.extend(beheerder_logins(db, args.logins, stop, adres)))
    watcher.start()
    seconds, said = attack(db, attempts, args.threads, name, seed=1 if name is None else 2)
    stop.set()
    watcher.join()
    return logins, seconds, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--logins", type=int, default=20, help="the beheerder's logins per round (at least)")
    parser.add_argument("--targeted", type=int, default=200, help="failures at the beheerder's own name")
    parser.add_argument("--database-url", help="an empty database to use instead of a fresh SQLite file")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-login-')) / 'login.db'}"
    db = open_database(url)
    startup.load_catalogue(db)
    accounts.add_user(db, NAME, "beheerder", PASSWORD, door="benchmark")
    print(f"database {db.engine.url.get_backend_name()}, argon2 {accounts.hasher.memory_cost // 1024} MiB "
          f"t={accounts.hasher.time_cost} p={accounts.hasher.parallelism}, {args.threads} aanvallende threads")

    timed_login(db, NAME, PASSWORD, HOME)  # the first login of the process (dummy hash, imports) is not counted
    baseline = beheerder_logins(db, args.logins, None, HOME)
    base = statistics.median(ms for ms, _ in baseline)
    print(f"\nzonder aanval:        beheerder {len(baseline):4d} logins  {figures([ms for ms, _ in baseline])}  "
          f"geslaagd {sum(ok for _, ok in baseline)}/{len(baseline)}")

    logins, seconds, said = under_attack(db, args, None, args.attempts, HOME)
    times = [ms for ms, _ in logins]
    print(f"aanval, willekeurige namen en adressen: {args.attempts} pogingen in {seconds:.1f} s "
          f"({args.attempts / seconds:.0f}/s); antwoord: {dict(said)}")
    print(f"tijdens de aanval:    beheerder {len(logins):4d} logins  {figures(times)}  "
          f"geslaagd {sum(ok for _, ok in logins)}/{len(logins)}  "
          f"(mediaan {statistics.median(times) / base:.1f}x zonder aanval)")

    logins, seconds, said = under_attack(db, args, NAME, args.targeted, HOME)
    times = [ms for ms, _ in logins]
    print(f"\naanval op de naam '{NAME}' zelf: {args.targeted} pogingen in {seconds:.1f} s; antwoord: {dict(said)}")
    print(f"vanaf haar eigen adres: beheerder {len(logins):4d} logins  {figures(times)}  "
          f"geslaagd {sum(ok for _, ok in logins)}/{len(logins)}  "
          f"(mediaan {statistics.median(times) / base:.1f}x zonder aanval)")
    _, elsewhere = timed_login(db, NAME, PASSWORD, "198.51.100.77")
    print(f"vanaf een nieuw adres: {'ingelogd' if elsewhere.token else elsewhere.message}")
    print("\n(de oude code weigerde na 100 mislukte pogingen over alle namen 15 minuten lang elke login)")


if __name__ == "__main__":
    main()
