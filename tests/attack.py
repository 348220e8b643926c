"""The attacker as a test: the installed script run against hostile arguments, environments,
streams, records, config files and poisoned caches. Each case runs in a folder of its own, which
is its home, its XDG folders and its working directory, and holds copies of device nodes made
with mknod (never the machine's /dev), a FIFO with a reader, one without, a socket, a truncated
TZif file and a symbolic link to a sentinel file outside the folder.

A case fails on a traceback or an internal error, an exit status other than 0, 1 or 2, a hang, a
death by signal, a control byte in what it prints or exports (colour is off and no stream is a
terminal, so any comes from input), a change outside its folder, a device node, FIFO or socket of
its folder replaced, or peak memory above a bound.

`cases(seed, n)` makes n cases, the same for the same seed; REPRODUCTIONS are the attacks
already reported. tests/test_attack.py runs both with a fixed seed; `python -m bench.fuzz` runs
longer.
"""

from __future__ import annotations

import itertools
import os
import random
import re
import selectors
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import BUNDLED, script

Arg = str | bytes
# (what, path in the case folder, data): "file" (data: its content), "link" (data: its target),
# "node" (data: null, zero or full), "fifo" (no reader), "dir".
Step = tuple[str, str, bytes]

TIMEOUT = 20.0  # seconds a case may run
MEMORY = 256 * 2**20  # peak resident memory of a case
ADDRESS_SPACE = 2**30  # `ulimit -v`: a runaway allocation is a MemoryError, not the OOM killer
CAPTURE = 4 * 2**20  # bytes kept of each stream; more is a flood
SENTINEL = b"a file outside the case folder\n"
DEVICES = {"null": (1, 3), "zero": (1, 5), "full": (1, 7)}
# Placeholders in arguments, environment values and files: the case folder and the folder beside
# it that the case must leave as it was.
CASE, OUT = b"@CASE@", b"@OUT@"


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[Arg, ...]
    env: tuple[tuple[str, Arg | None], ...] = ()  # None unsets a variable of the base environment
    setup: tuple[Step, ...] = ()  # after the standard folder is made
    prime: tuple[tuple[Arg, ...], ...] = ()  # runs that fill the cache before it is poisoned
    poison: tuple[tuple[str, str], ...] = ()  # (glob in $XDG_CACHE_HOME/lostcli, how: POISONS)
    stdin: str = "null"  # null, zero (a copy of /dev/zero) or closed
    stdout: str = "pipe"  # pipe, full (a copy of /dev/full) or closed
    stderr: str = "pipe"  # pipe or closed
    colour: bool = False  # the case asks for colour: SGR codes and OSC 8 links may appear
    encoding: str = "utf-8"  # of the output streams

    def describe(self) -> str:
        parts = [" ".join(_shown(a) for a in self.args)]
        parts += [f"{k}={_shown(v)}" if v is not None else f"-u {k}" for k, v in self.env]
        parts += [f"{what} {rel}" + (f" ({_label(data)})" if data else "")
                  for what, rel, data in self.setup]  # fmt: skip
        parts += [f"prime: {' '.join(_shown(a) for a in p)}" for p in self.prime]
        parts += [f"poison {glob}: {how}" for glob, how in self.poison]
        streams = [f"{n}={v}" for n, v, d in
                   (("stdin", self.stdin, "null"), ("stdout", self.stdout, "pipe"),
                    ("stderr", self.stderr, "pipe")) if v != d]  # fmt: skip
        return "; ".join(parts + streams)


@dataclass
class Outcome:
    status: int | None = None  # exit status, or None when a signal ended the process
    killed_by: int | None = None
    out: bytes = b""
    err: bytes = b""
    hung: bool = False
    flooded: bool = False
    peak: int = 0  # bytes of resident memory at most, as wait4 reports it


def _shown(value: Arg | None) -> str:
    text = value.decode("utf-8", "backslashreplace") if isinstance(value, bytes) else str(value)
    text = text if len(text) <= 60 else f"{text[:40]}...({len(text)} chars)"
    shown = ascii(text)[1:-1]
    return shown if shown == text and " " not in text and text else repr(text)


def _label(data: bytes) -> str:
    """Which of RECORDS or CONFIGS a file's content is."""
    names = [f"{kind} {name!r}" for kind, table in (("record", RECORDS), ("config", CONFIGS))
             for name, content in table.items() if content == data]  # fmt: skip
    return names[0] if names else f"{len(data)} B"


def _fill(value: Arg, case: Path, out: Path) -> bytes:
    raw = os.fsencode(value)
    return raw.replace(CASE, os.fsencode(case)).replace(OUT, os.fsencode(out))


# The folders


def _make(root: Path, case: Case) -> tuple[Path, Path]:
    home, out = root / "case", root / "outside"
    for d in ("home", "cache", "config/lostcli", "cwd", "dev"):
        (home / d).mkdir(parents=True)
    (out / "dir").mkdir(parents=True)
    (out / "sentinel").write_bytes(SENTINEL)
    (out / "dir" / "kept").write_bytes(SENTINEL)
    for name, (major, minor) in DEVICES.items():
        os.mknod(home / "dev" / name, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    os.mkfifo(home / "fifo")  # _Fixtures gives it a reader
    os.mkfifo(home / "lonely")  # a FIFO that nobody writes or reads
    (home / "tzif").write_bytes(b"TZif2" + b"\0" * 10)  # a truncated zone file
    (home / "film.toml").write_bytes(BUNDLED.read_bytes())
    (home / "link").symlink_to(out / "sentinel")
    for what, rel, data in case.setup:
        path = home / os.fsdecode(_fill(rel, home, out))
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        if what == "file":
            path.write_bytes(_fill(data, home, out))
        elif what == "link":
            path.symlink_to(os.fsdecode(_fill(data, home, out)))
        elif what == "node":
            major, minor = DEVICES[data.decode()]
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
        elif what == "fifo":
            os.mkfifo(path)
        elif what == "dir":
            path.mkdir(exist_ok=True)
        else:
            raise ValueError(what)
    return home, out


class _Fixtures(ExitStack):
    """The reader of the case's FIFO (read and write, so that it never sees an end and a writer
    never waits to open it) and the listening socket, while the case runs."""

    def __init__(self, home: Path) -> None:
        super().__init__()
        fd = os.open(home / "fifo", os.O_RDWR | os.O_NONBLOCK)
        self.callback(os.close, fd)
        self.drains = [fd]
        sock = self.enter_context(socket.socket(socket.AF_UNIX, socket.SOCK_STREAM))
        sock.bind(str(home / "sock"))  # at most 107 bytes: keep the root's path short
        sock.listen()


def _kind(path: Path) -> str:
    try:
        st = path.lstat()
    except OSError:
        return "missing"
    if stat.S_ISCHR(st.st_mode):
        return f"character device {os.major(st.st_rdev)},{os.minor(st.st_rdev)}"
    for test, name in ((stat.S_ISLNK, "symbolic link"), (stat.S_ISFIFO, "FIFO"),
                       (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "directory"),
                       (stat.S_ISBLK, "block device")):  # fmt: skip
        if test(st.st_mode):
            return name
    return "regular file"


def _specials(home: Path) -> dict[str, str]:
    """The case folder's device nodes, FIFOs and sockets, by path, but for the cache's: the
    cache is lostcli's own, and an entry may be replaced by a regular file."""
    found = {}
    for dirpath, dirs, names in os.walk(home):
        if Path(dirpath) == home:
            dirs.remove("cache")
        for name in names:
            path = Path(dirpath, name)
            kind = _kind(path)
            if kind.startswith(("character", "FIFO", "socket", "block")):
                found[str(path.relative_to(home))] = kind
    return found


def _tree(out: Path) -> dict[str, tuple[str, bytes]]:
    """Everything in the outside folder: type and content (a link's target)."""
    found = {}
    for dirpath, dirs, names in os.walk(out):
        for name in dirs + names:
            path = Path(dirpath, name)
            kind = _kind(path)
            data = (
                os.fsencode(path.readlink()) if kind == "symbolic link"
                else path.read_bytes() if kind == "regular file" else b""
            )  # fmt: skip
            found[str(path.relative_to(out))] = (kind, data)
    return found


# Running the script


def _environment(case: Case, home: Path, out: Path) -> dict[bytes, bytes]:
    env: dict[str, Arg | None] = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": "@CASE@/home",
        "XDG_CACHE_HOME": "@CASE@/cache",
        "XDG_CONFIG_HOME": "@CASE@/config",
        "TZ": "UTC",
        "COLUMNS": "100",
        "LANG": "C.UTF-8",
    }
    env.update(case.env)
    return {k.encode(): _fill(v, home, out) for k, v in env.items() if v is not None}


# Starts a case's process and writes down its peak memory. A process forked from the test's own
# interpreter counts that interpreter's memory as its own (the kernel keeps the largest of both
# sides of an exec), so a small process of its own starts it, under the address-space limit.
LAUNCHER = """
import os, resource, signal, sys
report, limit, closed, *argv = sys.argv[1:]
resource.setrlimit(resource.RLIMIT_AS, (int(limit), int(limit)))
closing = [(os.POSIX_SPAWN_CLOSE, int(fd)) for fd in closed.split(",") if fd]
pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=closing)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as f:
    f.write(str(usage.ru_maxrss * 1024))
code = os.waitstatus_to_exitcode(status)
if code < 0:
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


def _run(case: Case, args: tuple[Arg, ...], home: Path, out: Path, drains: list[int]) -> Outcome:
    report = home.parent / "peak"
    report.unlink(missing_ok=True)
    closed = ",".join(str(fd) for fd, stream in enumerate((case.stdin, case.stdout, case.stderr))
                      if stream == "closed")  # fmt: skip
    command: list[Arg] = [sys.executable, "-I", "-S", "-c", LAUNCHER, str(report),
                          str(ADDRESS_SPACE), closed, *script()]  # fmt: skip
    command += [_fill(a, home, out) for a in args]
    dev = home / "dev"
    with ExitStack() as stack:
        stdin = stack.enter_context((dev / ("zero" if case.stdin == "zero" else "null")).open("rb"))
        stdout = (
            stack.enter_context((dev / ("full" if case.stdout == "full" else "null")).open("wb"))
            if case.stdout != "pipe" else subprocess.PIPE
        )  # fmt: skip
        stderr = stack.enter_context((dev / "null").open("wb")) if case.stderr != "pipe" else None
        proc = subprocess.Popen(
            command, stdin=stdin, stdout=stdout, stderr=stderr or subprocess.PIPE,
            env=_environment(case, home, out), cwd=home / "cwd", start_new_session=True,
        )  # fmt: skip
        outcome = _collect(proc, drains)
    # none when the process was killed at the deadline
    outcome.peak = int(report.read_text()) if report.exists() else 0
    return outcome


def _collect(proc: subprocess.Popen[bytes], drains: list[int]) -> Outcome:
    """The streams until the process has ended and closed them, draining the FIFO meanwhile;
    the process group is killed at the deadline."""
    outcome = Outcome()
    kept = {"out": bytearray(), "err": bytearray()}
    pidfd = os.pidfd_open(proc.pid)
    with selectors.DefaultSelector() as sel:
        sel.register(pidfd, selectors.EVENT_READ, "exit")
        for name, stream in (("out", proc.stdout), ("err", proc.stderr)):
            if stream is not None:
                sel.register(stream, selectors.EVENT_READ, name)
        for fd in drains:
            sel.register(fd, selectors.EVENT_READ, "drain")
        deadline = time.monotonic() + TIMEOUT
        while any(k.data != "drain" for k in sel.get_map().values()):
            left = deadline - time.monotonic()
            if left <= 0:
                if outcome.hung:  # something outside the group holds the streams
                    break
                outcome.hung = True
                os.killpg(proc.pid, signal.SIGKILL)
                deadline += 5
                continue
            for key, _ in sel.select(left):
                if key.data == "exit":
                    sel.unregister(key.fileobj)
                    continue
                chunk = os.read(key.fd, 65536)
                if key.data == "drain":
                    continue
                if not chunk:
                    sel.unregister(key.fileobj)
                    continue
                room = CAPTURE - len(kept[key.data])
                outcome.flooded |= len(chunk) > room
                kept[key.data] += chunk[: max(room, 0)]
    os.close(pidfd)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    code = proc.wait()
    outcome.status, outcome.killed_by = (code, None) if code >= 0 else (None, -code)
    outcome.out, outcome.err = bytes(kept["out"]), bytes(kept["err"])
    return outcome


# Poisoning the cache

POISONS = ("link", "garbage", "keyed-garbage", "escape", "truncated", "fifo", "zero", "dir",
           "empty", "huge")  # fmt: skip
# the runs that make the entries of each kind
PRIMES = {"record-*": (("info",),), "prompt-*": (("prompt",),), "*": (("info",), ("prompt",))}


def _poison(cache: Path, glob: str, how: str, out: Path) -> None:
    entries = sorted((cache / "lostcli").glob(glob))
    if not entries:
        raise AssertionError(f"no cache entry {glob} to poison: the priming runs made none")
    for path in entries:
        data = path.read_bytes()
        # the key: one line for the record's file, and one more for each other file
        key_lines = 2 if path.name.startswith("prompt-") else 1
        key = b"".join(data.splitlines(keepends=True)[:key_lines])
        path.unlink()
        if how == "link":
            path.symlink_to(out / "sentinel")
        elif how == "fifo":
            os.mkfifo(path)
        elif how == "zero":
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(*DEVICES["zero"]))
        elif how == "dir":
            path.mkdir()
        else:
            payload = {
                "garbage": random.Random(path.name).randbytes(600),
                "keyed-garbage": key + random.Random(path.name).randbytes(600),
                # the same length, so that msgpack's and the prompt's framing still hold
                "escape": data.replace(b"Starlight", b"\x1b[2J\x07\x1b]0;"),
                "truncated": data[: len(key) + (len(data) - len(key)) // 2],
                "empty": b"",
                "huge": key + b"\xa5" * (8 * 2**20),
            }[how]
            path.write_bytes(payload)


# Checking

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CRLF = re.compile(r"\r\n")
# what colour may add: SGR codes, and OSC 8 links as Rich writes them (with an id, ended by ST)
COLOUR = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;(?:id=[\w-]*)?;[^\x00-\x1f\x7f-\x9f]*\x1b\\")
EXPORTS = (".svg", ".html", ".htm", ".ics")
MARKUP = (".svg", ".html", ".htm")


def _decoded(data: bytes, encoding: str) -> str:
    """Output as a terminal would read it: UTF-8 (JSON and scripts are UTF-8 whatever the
    locale), else the encoding of the streams."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(encoding, "replace")


def _controls(text: str, where: str, colour: bool) -> list[str]:
    text = CRLF.sub("\n", COLOUR.sub("", text) if colour else text)
    found = CONTROL.search(text)
    if not found:
        return []
    at = found.start()
    return [f"control byte {found.group()!r} in {where}: {text[max(at - 30, 0) : at + 30]!r}"]


def _problems(
    case: Case,
    outcome: Outcome,
    home: Path,
    out: Path,
    specials: dict[str, str],
    outside: dict[str, tuple[str, bytes]],
) -> list[str]:
    found = []
    if outcome.hung:
        found.append(f"hang: still running after {TIMEOUT:.0f} s")
    elif outcome.killed_by is not None:
        found.append(f"killed by {signal.Signals(outcome.killed_by).name}")
    elif outcome.status not in (0, 1, 2):
        found.append(f"exit status {outcome.status}")
    err = outcome.err.decode(case.encoding, "replace")
    for marker in ("Traceback", "internal error", "내부 오류"):
        if marker in err:
            # a traceback's last line names the exception; an internal error's own line does
            line = err.strip().splitlines()[-1] if marker == "Traceback" else next(
                ln for ln in err.splitlines() if marker in ln
            )  # fmt: skip
            found.append(f"{marker}: {line}"[:300])
            break
    for name, data in (("stdout", outcome.out), ("stderr", outcome.err)):
        found += _controls(_decoded(data, case.encoding), name, case.colour)
    for dirpath, _, names in os.walk(home):
        for name in names:
            path = Path(dirpath, name)
            if path.suffix.lower() in EXPORTS and _kind(path) == "regular file":
                text = path.read_bytes().decode("utf-8", "replace")
                found += _controls(text, f"the file {path.name}", colour=False)
                if path.suffix.lower() in MARKUP and "<script" in text.lower():
                    found.append(f"raw <script> in the file {path.name}")
    if outcome.flooded:
        found.append(f"output flood: more than {CAPTURE // 2**20} MiB")
    if outcome.peak > MEMORY:
        found.append(f"peak memory {outcome.peak // 2**20} MiB (bound {MEMORY // 2**20} MiB)")
    after = _tree(out)
    for rel in sorted(outside.keys() | after.keys()):
        was, now = outside.get(rel, ("missing", b"")), after.get(rel, ("missing", b""))
        if was != now:
            change = f"{was[0]} is now {now[0]}" if was[0] != now[0] else "content changed"
            found.append(f"changed outside its folder: {rel}: {change} ({now[1][:40]!r})")
    for rel, kind in specials.items():
        if (now_kind := _kind(home / rel)) != kind:
            found.append(f"replaced: {rel}: a {kind} is now a {now_kind}")
    return found


def attack(case: Case, root: Path) -> list[str]:
    """Run one case in `root` (a new, empty folder); what went wrong, each as one line."""
    home, out = _make(root, case)
    with _Fixtures(home) as fixtures:
        for args in case.prime:
            _run(Case("prime", args, case.env), args, home, out, fixtures.drains)
        for glob, how in case.poison:
            _poison(home / "cache", glob, how, out)
        specials, outside = _specials(home), _tree(out)
        outcome = _run(case, case.args, home, out, fixtures.drains)
        return _problems(case, outcome, home, out, specials, outside)


def attack_all(cases: list[Case], root: Path, workers: int = 2) -> Iterator[tuple[Case, list[str]]]:
    """Each case with its problems, `workers` at a time, each in a new folder under `root`
    (removed after the case, unless something in it went wrong)."""

    def one(numbered: tuple[int, Case]) -> tuple[Case, list[str]]:
        i, case = numbered
        folder = root / f"{i:04d}"
        folder.mkdir()
        problems = attack(case, folder)
        if not problems:
            shutil.rmtree(folder)
        return case, problems

    with ThreadPoolExecutor(workers) as pool:
        yield from pool.map(one, enumerate(cases))


# The cases

BUNDLED_TEXT = BUNDLED.read_text(encoding="utf-8")
SHELLS = ("bash", "zsh", "fish", "nu", "elvish", "xonsh")
COMMANDS: dict[str, frozenset[str]] = {
    "info": frozenset({"tz", "now", "json", "export"}),
    "countdown": frozenset({"tz", "now", "json", "export"}),
    "credits": frozenset({"json", "export"}),
    "curiosities": frozenset({"json"}),
    "trivia": frozenset({"json"}),
    "synopsis": frozenset({"json", "short"}),
    "signal": frozenset({"tz", "now", "json", "export", "text"}),
    "trailer": frozenset({"json"}),
    "calendar": frozenset({"tz", "now", "output", "anniversary"}),
    "validate": frozenset({"json", "path"}),
    "config": frozenset({"json"}),
    "prompt": frozenset({"tz", "now", "format", "ascii", "colour"}),
    "init": frozenset({"shell", "format", "ascii", "colour", "noprompt"}),
    "completion": frozenset({"shell"}),
    "schema": frozenset({"schema"}),
}
ESC = "\x1b[2J\x1b]0;pwned\x07"
NOWS: tuple[Arg, ...] = (
    "9998-12-31T23:00Z", "@0", "@-99999999999", "@99999999999", "@" + "9" * 400, "@-0",
    "0001-01-01T00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "9999-12-31",
    "1800-01-01T00:00Z", "2050-12-31T23:59Z", "1969-12-31T23:59:59Z", "2025-05-30T06:59:59.999999Z",
    "2025-05-30T07:00Z", "2025-02-30", "2025-05-30T07:00:00+25:00", "30 May 2025", "tomorrow",
    "+002025-05-30", "২০২৫-০৫-৩০", "@1e308", "@nan", "", " ", ESC, "now\x07", b"2025-05-30\xff",
    "\uff12\uff10\uff12\uff15-\uff10\uff15-\uff13\uff10",  # in fullwidth digits
)  # fmt: skip
ZONES: tuple[Arg, ...] = (
    "+14:00", "-14:00", "+99:99", "-00:00", "+24:00", "Z", "Asia/Seoul", "seoul", "Etc/GMT+12",
    "right/UTC", "posixrules", "Factory", ESC, ":/path/\x1b[2J", "EST5EDT,0/0,365/25",
    "EST5EDT,M3.2.0,M11.1.0", "EST5EDT,M13.9.9,M0.0.0", "UTC0UTC,J366,J366", "<+14>-14",
    "XXX-99999", ":@CASE@/tzif", "@CASE@/tzif", ":@CASE@/dev/zero", "@CASE@/lonely",
    "../../../../etc/localtime", "/etc/localtime", "A" * 5000, "UTC\n", b"\xff\xfe", "",
)  # fmt: skip
FORMATS: tuple[Arg, ...] = (
    ESC, "{rel}" * 2000, "{", "{rel", "{{rel}}", "\x1b]0;pwn\x07{rel}", "{icon}\r\x08",
    "%s%n%F{red}{rel}%f", "$(touch @OUT@/pwned) `touch @OUT@/pwned`", "'\"\\{title}", b"\xff{rel}",
    "{title}{days}{status}", "",
)  # fmt: skip
PATHS: tuple[Arg, ...] = (
    "@CASE@/dev/null", "@CASE@/dev/zero", "@CASE@/dev/full", "@CASE@/fifo", "@CASE@/lonely",
    "@CASE@/sock", "@CASE@/link", "@CASE@/home", "@CASE@/tzif", "@CASE@/missing.toml",
    "@CASE@/" + "x" * 300 + ".toml", "@CASE@/nodir/film.toml", f"@CASE@/{ESC}.toml",
    b"@CASE@/\xff.toml", "", "-",
)  # fmt: skip
OUTPUTS: tuple[Arg, ...] = (
    "@CASE@/dev/null", "@CASE@/dev/zero", "@CASE@/dev/full", "@CASE@/fifo", "@CASE@/sock",
    "@CASE@/out.svg", "@CASE@/out.html", "@CASE@/out.ics", "@CASE@/out.pdf", "@CASE@/home",
    "@CASE@/" + "x" * 300 + ".svg", "@CASE@/nodir/out.svg", f"@CASE@/{ESC}.svg",
    b"@CASE@/\xff.html", "out.svg", "-", "",
)  # fmt: skip
SHELL_NAMES: tuple[Arg, ...] = (*SHELLS, "powershell", ESC, "bash\x07", b"\xff", "")
GLOBAL: tuple[tuple[Arg, ...], ...] = (
    ("--lang", "ko"), ("--lang", ESC), ("--color", "never"), ("--color", ESC), ("--no-pager",),
    ("--film", "@CASE@/film.toml"), ("--bogus\x1b[2J",), (ESC,), (b"\xff",), ("--",),
)  # fmt: skip
ENVIRONMENT: dict[str, tuple[Arg | None, ...]] = {
    "LOSTCLI_TZ": ZONES,
    # not a FIFO: the C library reads TZ as Python starts, before any of lostcli runs
    "TZ": tuple(z for z in ZONES if z != "@CASE@/lonely"),
    "LOSTCLI_LANG": ("ko", ESC, "ko_KR", "", "x" * 5000, b"\xff"),
    "COLUMNS": ("-1", "0", "1", "5", "99999999999999999999", "1e9", "nan", ESC, "", "20000"),
    "LINES": ("-1", "0", "1", "99999999999999999999", ESC),
    "NO_COLOR": (ESC, ""),
    "TERM": ("dumb", ESC, "xterm-256color", ""),
    "LC_ALL": ("ko_KR.UTF-8", "C", "tr_TR.UTF-8", ESC, "ko_KR.EUC-KR"),
    "LANG": ("ko_KR.UTF-8", ESC, "", None),
    "HOME": ("", "@CASE@/dev/null", "relative", "@CASE@/link", None),
    "XDG_CACHE_HOME": ("", "relative", "@CASE@/dev/null", "@CASE@/fifo", "@CASE@/link", ESC),
    "XDG_CONFIG_HOME": ("", "relative", "@CASE@/dev/zero", "@CASE@/lonely", ESC),
    "LOSTCLI_FILM": PATHS,
    "PAGER": ("touch @OUT@/pwned",),
    "LOSTCLI_PAGER": ("touch @OUT@/pwned",),
    "BROWSER": ("touch @OUT@/pwned",),
    "PYTHONIOENCODING": ("latin-1", "ascii"),
}


def _toml(value: str) -> str:
    """A TOML basic string: every control character as an escape, as a hostile file would."""
    return '"' + "".join(
        f"\\u{ord(c):04x}" if c < " " or "\x7f" <= c <= "\x9f" or c in '"\\' else c for c in value
    ) + '"'  # fmt: skip


def _replaced(old: str, new: str) -> bytes:
    assert old in BUNDLED_TEXT, old
    return BUNDLED_TEXT.replace(old, new).encode()


RECORDS: dict[str, bytes] = {
    "trailer URL with markup": _replaced(
        '"https://www.youtube.com/watch?v=t4hiu_kohhs"',
        _toml('https://x"><script>alert(1)</script><a href="'),
    ),
    "trailer URL with OSC 8": _replaced(
        '"https://www.youtube.com/watch?v=t4hiu_kohhs"',
        _toml("https://x/\x1b]8;;file:///etc/passwd\x07click\x1b]8;;\x07"),
    ),
    "trailer URL javascript:": _replaced(
        '"https://www.youtube.com/watch?v=t4hiu_kohhs"', '"javascript:alert(1)"'
    ),
    "short title with {rel} and ESC": _replaced(
        'short = "Starlight"', "short = " + _toml("{rel}{title}\x1b[2J\x1b]0;pwned\x07")
    ),
    "titles with ESC and C1": _replaced(
        'english = "Lost in Starlight"', "english = " + _toml("Lost\x1b[31m\x9b2J\r\x08 in")
    ),
    "names with ESC": BUNDLED_TEXT.replace('name = "Han Ji-won"', "name = " + _toml(ESC)).encode(),
    "curiosity with CR and BS": _replaced(
        'text = "It is the first', "text = " + _toml("\rOverwritten\x08\x08\x7f") + '\nx_ = "'
    ),
    "release in year 1": _replaced(
        "instant = 2025-05-30T00:00:00-07:00", "instant = 0001-01-01T00:00:00+14:00"
    ),
    "release at the end of 9999": _replaced(
        "instant = 2025-05-30T00:00:00-07:00", "instant = 9999-12-31T23:59:59-12:00"
    ),
    "release at 0001-01-01Z": _replaced(
        "instant = 2025-05-30T00:00:00-07:00", "instant = 0001-01-01T00:00:00Z"
    ),
    "announced and timeline in years 1 and 9999": BUNDLED_TEXT.replace(
        "announced = 2025-04-29", "announced = 9999-12-31"
    )
    .replace("date = 2023-08-16", "date = 0001-01-01")
    .encode(),
    "zone with ESC": _replaced('zone = "America/Los_Angeles"', "zone = " + _toml(ESC)),
    "zone as a path": _replaced('zone = "America/Los_Angeles"', 'zone = "../../../etc/passwd"'),
    "47 KB dotted key": ("a." * 23_500 + "a = 1\n" + BUNDLED_TEXT).encode(),
    "deep arrays": (BUNDLED_TEXT + "x = " + "[" * 50_000 + "]" * 50_000 + "\n").encode(),
    "deep inline tables": (BUNDLED_TEXT + "x = " + "{a=" * 5_000 + "1" + "}" * 5_000).encode(),
    "unknown key with ESC": (_toml(ESC) + " = 1\n" + BUNDLED_TEXT).encode(),
    "10 MB field": _replaced('rating = "PG"', f'rating = "{"x" * 10_000_000}"'),
    "300 KB word": _replaced('rating = "PG"', f'rating = "{"x" * 300_000}"'),
    "5000 crew": (
        BUNDLED_TEXT + '[[crew]]\nrole = "Key animator"\nname = "Anon"\nsources = ["seed"]\n' * 5000
    ).encode(),
    "huge integers": _replaced("runtime_minutes = 96", "runtime_minutes = 9223372036854775807"),
    "negative runtime": _replaced("runtime_minutes = 96", "runtime_minutes = -96"),
    "not UTF-8": BUNDLED_TEXT.encode()[:300] + b"\xff\xfe\x1b[2J\n",
    "NUL byte": BUNDLED_TEXT.encode().replace(b"Starlight", b"Star\0light", 1),
    "BOM and CRLF": b"\xef\xbb\xbf" + BUNDLED_TEXT.replace("\n", "\r\n").encode(),
    "empty": b"",
    "schema version 2": _replaced("schema_version = 1", "schema_version = 2"),
}
CONFIGS: dict[str, bytes] = {
    "tz with ESC": f"tz = {_toml(ESC)}\n".encode(),
    "prompt format with ESC": f"[prompt]\nformat = {_toml(ESC + '{rel}')}\n".encode(),
    "tz a truncated TZif file": b'tz = ":@CASE@/tzif"\n',
    "tz a POSIX rule": b'tz = "EST5EDT,0/0,365/25"\n',
    "lang ko": b'lang = "ko"\n',
    "lang with ESC": f"lang = {_toml(ESC)}\n".encode(),
    "unknown key with ESC": f"{_toml(ESC)} = 1\n".encode(),
    "47 KB dotted key": ("a." * 23_500 + "a = 1\n").encode(),
    "not UTF-8": b'tz = "\xff\x1b[2J"\n',
    "70 KB": b"# " + b"x" * 70_000 + b"\n",
    "long format": ("[prompt]\nformat = " + _toml("{rel}" * 10_000) + "\n").encode(),
    "deep arrays": b"x = " + b"[" * 30_000 + b"]" * 30_000 + b"\n",
}
CONFIG = "config/lostcli/config.toml"


def random_case(seed: int, index: int) -> Case:
    """Case `index` of `seed`: the same case whatever the other cases."""
    rng = random.Random(f"{seed}/{index}")
    command = rng.choice(sorted(COMMANDS))
    allowed = COMMANDS[command]
    args: list[Arg] = [command]
    env: list[tuple[str, Arg | None]] = []
    setup: list[Step] = []
    colour = False

    def sometimes(p: float) -> bool:
        return rng.random() < p

    if "tz" in allowed and sometimes(0.5):
        args.append(b"--tz=" + os.fsencode(rng.choice(ZONES)))
    if "now" in allowed and sometimes(0.6):
        args += ["--now", rng.choice(NOWS)]
    if "json" in allowed and sometimes(0.3):
        args.append("--json")
    if "export" in allowed and sometimes(0.3):
        args += ["--export", rng.choice(OUTPUTS)]
    if "output" in allowed and sometimes(0.6):
        args += [rng.choice(("-o", "--output")), rng.choice(OUTPUTS)]
    if "anniversary" in allowed and sometimes(0.5):
        args.append("--anniversary")
    for flag, name in (("--short", "short"), ("--text", "text"), ("--ascii", "ascii"),
                       ("--no-prompt", "noprompt")):  # fmt: skip
        if name in allowed and sometimes(0.4):
            args.append(flag)
    if "colour" in allowed and sometimes(0.2):
        args.append("--color")
        colour = True
    if "format" in allowed and sometimes(0.6):
        args += ["--format", rng.choice(FORMATS)]
    if "shell" in allowed:
        args.append(rng.choice(SHELL_NAMES if sometimes(0.3) else SHELLS))
    if "schema" in allowed and sometimes(0.5):
        args += ["--output", rng.choice(("info", "countdown", ESC, ""))]
    record = rng.choice(sorted(RECORDS)) if sometimes(0.5) else None
    if record:
        setup.append(("file", "film.toml", RECORDS[record]))
    film = "@CASE@/film.toml" if record or sometimes(0.5) else rng.choice(PATHS)
    if "path" in allowed:
        args.append(film)
    elif record or sometimes(0.1):
        if sometimes(0.5):
            env.append(("LOSTCLI_FILM", film))
        else:
            where = rng.randrange(len(args) + 1)
            args[where:where] = ["--film", film]
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        where = rng.choice((0, len(args)))
        args[where:where] = rng.choice(GLOBAL)
    for name in rng.sample(sorted(ENVIRONMENT), rng.choice((0, 1, 1, 2, 3))):
        env.append((name, rng.choice(ENVIRONMENT[name])))
    if sometimes(0.1):
        env += [("NO_COLOR", None), ("FORCE_COLOR", "1")]
        colour = True
    if sometimes(0.05):
        args[:0] = ["--color", "always"]
        colour = True
    if sometimes(0.3):
        setup.append(("file", CONFIG, CONFIGS[rng.choice(sorted(CONFIGS))]))
    elif sometimes(0.1):
        setup.append(rng.choice([("link", CONFIG, b"@OUT@/sentinel"), ("node", CONFIG, b"zero"),
                                 ("fifo", CONFIG, b""), ("dir", CONFIG, b"")]))  # fmt: skip
    prime: tuple[tuple[Arg, ...], ...] = ()
    poison: tuple[tuple[str, str], ...] = ()
    if sometimes(0.25):
        # the priming runs cache what this case reads: the record is the bundled one, there is
        # no config file, the environment is plain, and the arguments are the attack
        glob = rng.choice(sorted(PRIMES))
        args = ["@CASE@/film.toml" if i and args[i - 1] == "--film" else a
                for i, a in enumerate(args)]  # fmt: skip
        film = ("--film", "@CASE@/film.toml") if "--film" in args else ()
        prime = tuple((*film, *p) for p in PRIMES[glob])
        poison = ((glob, rng.choice(POISONS)),)
        setup, env = [], [("PYTHONIOENCODING", v) for k, v in env if k == "PYTHONIOENCODING"]
    streams = {"stdin": "null", "stdout": "pipe", "stderr": "pipe"}
    if sometimes(0.1):
        name = rng.choice(sorted(streams))
        streams[name] = rng.choice({"stdin": ("closed", "zero"), "stdout": ("closed", "full"),
                                    "stderr": ("closed",)}[name])  # fmt: skip
    encoding = next((str(v) for k, v in env if k == "PYTHONIOENCODING"), "utf-8")
    return Case(
        f"seed {seed} case {index}: {command}", tuple(args), tuple(env), tuple(setup), prime,
        poison, streams["stdin"], streams["stdout"], streams["stderr"], colour, encoding,
    )  # fmt: skip


def cases(seed: int, n: int) -> list[Case]:
    return [random_case(seed, i) for i in range(n)]


def _named() -> Iterator[Case]:
    """The attacks already reported, the commands of a family taking turns."""
    turns = itertools.cycle(["info", "prompt", "calendar", "signal", "countdown", "config"])
    for option, command, target in (
        ("-o", "calendar", "dev/null"), ("--export", "info", "dev/zero"),
        ("--export", "signal", "dev/full"), ("-o", "calendar", "fifo"),
        ("--export", "countdown", "sock"),
    ):  # fmt: skip
        yield Case(f"{command} {option} {target}", (command, option, f"@CASE@/{target}"))
    for kind, command, hows in (
        ("record-*", "info", ("link", "escape", "fifo", "zero", "keyed-garbage", "huge")),
        ("prompt-*", "prompt", ("link", "escape", "fifo", "zero")),
    ):  # fmt: skip
        for how in hows:
            yield Case(f"{kind} cache entry {how}, then {command}", (command,),
                       prime=PRIMES[kind], poison=((kind, how),))  # fmt: skip
    yield Case("record-* cache entry escape, then calendar -o", ("calendar", "-o", "@CASE@/o.ics"),
               prime=PRIMES["record-*"], poison=(("record-*", "escape"),))  # fmt: skip
    yield Case("config cache entry a link, then config", ("config",),
               setup=(("file", CONFIG, b'lang = "en"\n'),), prime=(("config",),),
               poison=(("config-*", "link"),))  # fmt: skip
    record_commands = itertools.cycle([
        ("info", "--export", "@CASE@/out.html"), ("trailer",), ("calendar",), ("prompt",),
        ("countdown", "--json"), ("validate", "@CASE@/film.toml"), ("signal", "--export",
        "@CASE@/out.svg"), ("credits",), ("init", "zsh"), ("info",),
    ])  # fmt: skip
    for name in RECORDS:
        args = next(record_commands)
        yield Case(f"record {name}: {args[0]}", ("--film", "@CASE@/film.toml", *args),
                   setup=(("file", "film.toml", RECORDS[name]),))  # fmt: skip
    for var in ("LOSTCLI_TZ", "TZ"):
        for value in (ESC, ":/path/\x1b[2J", "EST5EDT,0/0,365/25", "EST5EDT,M3.2.0,M11.1.0",
                      ":@CASE@/tzif", "@CASE@/tzif"):  # fmt: skip
            command = next(turns)
            yield Case(f"{var}={value!r}: {command}", (command,), ((var, value),))
    for var, value in (("LOSTCLI_LANG", ESC), ("COLUMNS", ESC), ("COLUMNS", "-1"),
                       ("NO_COLOR", ESC), ("LINES", ESC)):  # fmt: skip
        command = next(turns)
        yield Case(f"{var}={value!r}: {command}", (command,), ((var, value),))
    for name in CONFIGS:
        command = next(turns)
        yield Case(f"config {name}: {command}", (command,),
                   setup=(("file", CONFIG, CONFIGS[name]),))  # fmt: skip
    for now in ("9998-12-31T23:00Z", "@0", "@-99999999999"):
        for command in (next(turns), next(turns)):
            yield Case(f"--now {now}: {command}", (command, "--now", now))
    for command in ("countdown", "prompt"):
        yield Case(f"--tz=+14:00: {command}", (command, "--tz=+14:00"))
    yield Case("prompt --format ESC", ("prompt", "--format", "\x1b[2J"))
    for shell in ("bash", "fish", "nu", "xonsh"):
        yield Case(f"init {shell} --format ESC", ("init", shell, "--format", "\x1b[2J{rel}"))
    yield Case("300-char --film", ("info", "--film", "@CASE@/" + "x" * 300 + ".toml"))
    yield Case("300-char -o", ("calendar", "-o", "@CASE@/" + "x" * 300 + ".ics"))
    yield Case("non-UTF-8 --tz", ("info", b"--tz=\xff\xfe"))
    yield Case("non-UTF-8 command", (b"inf\xff",))
    yield Case("non-UTF-8 --film", ("info", "--film", b"@CASE@/\xff.toml"))
    yield Case("ESC in an unknown option", ("info", "--\x1b[2J"))
    yield Case("ESC as a command", ("\x1b[2J",))
    yield Case("stdout closed: info", ("info",), stdout="closed")
    yield Case("stdout closed: prompt", ("prompt",), stdout="closed")
    yield Case("stdout a full device: credits", ("credits",), stdout="full")
    yield Case("stdin closed: validate", ("validate", "@CASE@/film.toml"), stdin="closed")
    yield Case("stderr closed: bad --tz", ("info", "--tz", "Nowhere"), stderr="closed")
    every: list[tuple[str, ...]] = [
        ("info",), ("countdown",), ("credits",), ("curiosities",), ("synopsis",),
        ("signal", "--text"), ("trailer",), ("calendar",), ("validate", "@CASE@/film.toml"),
        ("config",), ("prompt",), *(("init", s) for s in SHELLS), ("completion", "bash"),
        ("schema",),
    ]  # fmt: skip
    for args in every:
        yield Case(f"ko, hostile record: {' '.join(args)}", ("--lang", "ko", *args),
                   (("LOSTCLI_FILM", "@CASE@/film.toml"),),
                   (("file", "film.toml", RECORDS["short title with {rel} and ESC"]),))  # fmt: skip


REPRODUCTIONS: list[Case] = list(_named())


def report(failed: list[tuple[Case, list[str]]]) -> str:
    """Each case that went wrong, how to make it again and what went wrong."""
    return "".join(
        f"{case.name}\n    {case.describe()}\n" + "".join(f"  - {p}\n" for p in problems)
        for case, problems in failed
    )
