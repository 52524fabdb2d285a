"""Git, for `check --signatures`: the repository holding a data folder, the
lines each commit of its history added to a folder, and what git's own
signature checking (SSH keys and an allowed_signers file) says of commits.
Each question is a git process or two; what comes back is plain values, or a
Problem saying why there is no answer."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from tracker.model import Commit, SignatureCheck
from tracker.problems import Problem, problem

MIN_VERSION = (2, 34)  # the first git that signs and checks signatures with SSH keys
SSH_SIGNATURE = b"-----BEGIN SSH SIGNATURE-----"

# What git's %G? letters say, for an SSH signature checked against allowed_signers.
_CHECKED = {
    "G": SignatureCheck.GOOD,
    "U": SignatureCheck.UNKNOWN_KEY,  # good, but no principal of allowed_signers has the key
    "X": SignatureCheck.EXPIRED,
    "Y": SignatureCheck.EXPIRED,
    "R": SignatureCheck.EXPIRED,
    "B": SignatureCheck.BAD,
    "E": SignatureCheck.UNCHECKED,
    "N": SignatureCheck.UNSIGNED,
}

# Settings of the user's that would change what git prints, set back for these
# commands: blank context lines kept (line numbers are counted from them),
# names unquoted, the root commit shown as adding its files.
_PLAIN = ("-c", "core.quotePath=false", "-c", "diff.suppressBlankEmpty=false",
          "-c", "log.showRoot=true")  # fmt: skip


class Repository(NamedTuple):
    """The git work tree a data folder is in."""

    folder: Path  # the data folder: git runs there, and paths are relative to it
    prefix: str  # the data folder's path from the top: "" or "石峰区/" (as git names it)
    has_commits: bool


class AddedLine(NamedTuple):
    """A line a commit added to a file."""

    commit: str  # the commit's full hash
    path: str  # the file as that commit has it, relative to the data folder
    line: int  # the line's number in that commit's version of the file
    text: bytes  # without its line end


def repository(folder: Path, *, display=str) -> Repository | Problem:
    """The repository `folder` is in, with its whole history: a Problem when git
    is missing or too old to check SSH signatures, when the folder is in no
    repository, or when the repository is a shallow clone (`display`: how a
    path is named in messages)."""
    shown = display(folder)
    done = _git(["version"], folder, shown=shown)
    if isinstance(done, Problem):
        return done
    version = _version(done.stdout.decode("utf-8", "replace"))
    if version is not None and version < MIN_VERSION:
        shown_version = ".".join(map(str, version))
        return problem(shown, None, "git-too-old", "sig.git_too_old", "sig.install_git",
                       version=shown_version)  # fmt: skip
    done = _git(["rev-parse", "--show-prefix", "--is-shallow-repository"], folder, shown=shown)
    if isinstance(done, Problem):
        return done
    if done.returncode != 0:
        if b"not a git repository" not in done.stderr:
            return _failed(done.stderr, shown)
        return problem(shown, None, "not-a-repository", "sig.not_a_repository", "sig.use_git")
    prefix, shallow = done.stdout.decode("utf-8", "surrogateescape").split("\n")[:2]
    if shallow.strip() == "true":
        return problem(shown, None, "shallow-history", "sig.shallow", "sig.unshallow")
    head = _git(["rev-parse", "--quiet", "--verify", "HEAD^{commit}"], folder, shown=shown)
    if isinstance(head, Problem):
        return head
    return Repository(folder, prefix, head.returncode == 0)


def added_lines(
    repo: Repository, under: str, *, keep: Callable[[bytes], bool], display=str
) -> list[AddedLine] | Problem:
    """Every line a commit reachable from HEAD added to a file under `under`
    (a folder of the data folder) that `keep` keeps: each commit's own patch,
    and of a merge only the lines none of its parents had (what the merge
    itself brought, as in resolving a conflict; what it merged in was added by
    the merged commits). Every commit is walked, on every branch merged."""
    if not repo.has_commits:
        return []
    shown = display(repo.folder)
    args = [*_PLAIN, "log", "--full-history", "--cc", "--root", "--no-relative", "--text",
            "--no-textconv", "--no-ext-diff", "--no-color", "--no-show-signature",
            "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", "--format=%x01%H",
            "HEAD", "--", under]  # fmt: skip
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(
                _command(args, repo.folder), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=errors, env=_environment(),
            )  # fmt: skip
        except OSError:
            return problem(shown, None, "no-git", "sig.no_git", "sig.install_git")
        with process:
            found = _added(process.stdout, keep, repo.prefix)
        if process.returncode != 0:
            errors.seek(0)
            return _failed(errors.read(), shown)
    return found


def commits(
    repo: Repository, shas: Iterable[str], *, allowed_signers: Path, display=str
) -> dict[str, Commit] | Problem:
    """Each commit's author, date and signature as git checks it, against
    `allowed_signers` (a Problem when there is no such file): a signature is
    GOOD only when it is an SSH one (the principals of allowed_signers own SSH
    keys; an OpenPGP key the local keyring trusts proves nothing here)."""
    wanted = "".join(f"{sha}\n" for sha in shas).encode("ascii")
    if not wanted:
        return {}
    if not allowed_signers.is_file():
        return problem(display(allowed_signers), None, "no-allowed-signers",
                       "sig.no_allowed_signers", "sig.allowed_signers_fix")  # fmt: skip
    shown = display(repo.folder)
    checking = ("-c", "gpg.format=ssh", "-c", "gpg.ssh.program=ssh-keygen",
                "-c", f"gpg.ssh.allowedSignersFile={allowed_signers}")  # fmt: skip
    args = [*checking, "log", "--no-walk=unsorted", "--stdin", "--no-show-signature",
            "--format=%H%x00%h%x00%an%x00%as%x00%G?%x00%GS%x00%GK"]  # fmt: skip
    done = _git(args, repo.folder, shown=shown, input=wanted)
    if isinstance(done, Problem):
        return done
    if done.returncode != 0:
        return _failed(done.stderr, shown)
    ssh = _ssh_signed(repo, wanted, shown=shown)
    if isinstance(ssh, Problem):
        return ssh
    found = {}
    for row in filter(None, done.stdout.decode("utf-8", "replace").split("\n")):
        sha, short, author, day, letter, signer, key = row.split("\0")
        check = _CHECKED.get(letter, SignatureCheck.UNCHECKED)
        if sha not in ssh and check is not SignatureCheck.UNSIGNED:
            check, signer = SignatureCheck.UNKNOWN_KEY, ""
        if check is not SignatureCheck.GOOD:
            signer = ""
        found[sha] = Commit(sha, short, author, dt.date.fromisoformat(day), check, signer, key)
    return found


def uncommitted(repo: Repository, names: list[str], *, display=str) -> list[str] | Problem:
    """Which of these files of the data folder differ from what HEAD has
    (changed, staged or not, or not committed at all)."""
    shown = display(repo.folder)
    done = _git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *names],
                repo.folder, shown=shown)  # fmt: skip
    if isinstance(done, Problem):
        return done
    if done.returncode != 0:
        return _failed(done.stderr, shown)
    found = []
    for row in done.stdout.split(b"\0"):
        path = row[3:].decode("utf-8", "surrogateescape")
        if path.startswith(repo.prefix) and path[len(repo.prefix) :] in names:
            found.append(path[len(repo.prefix) :])
    return found


def history_of(repo: Repository, commit: str, *, display=str) -> frozenset[str] | Problem:
    """The commit and every commit in its history (full hashes)."""
    shown = display(repo.folder)
    done = _git(["rev-list", commit], repo.folder, shown=shown)
    if isinstance(done, Problem):
        return done
    if done.returncode != 0:
        return _failed(done.stderr, shown)
    return frozenset(done.stdout.decode("ascii").split())


def _ssh_signed(repo: Repository, wanted: bytes, *, shown: str) -> set[str] | Problem:
    """Which of the commits carry an SSH signature, read from the commits
    themselves (as git tells one kind of signature from another)."""
    done = _git(["cat-file", "--batch"], repo.folder, shown=shown, input=wanted)
    if isinstance(done, Problem):
        return done
    out, at, found = done.stdout, 0, set()
    while at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) != 3:  # "<name> missing"
            continue
        size = int(header[2])
        headers = out[at : at + size].split(b"\n\n", 1)[0]
        at += size + 1
        for line in headers.split(b"\n"):
            name, _, value = line.partition(b" ")
            if name in (b"gpgsig", b"gpgsig-sha256") and value.startswith(SSH_SIGNATURE):
                found.add(header[0].decode("ascii"))
    return found


def _added(stream, keep: Callable[[bytes], bool], prefix: str) -> list[AddedLine]:
    """The added lines of `git log --cc` output: a line is added when every
    parent's column says `+` (a merge's lines from one side say ` +`). Paths
    from the top of the repository, `prefix` taken off."""
    found: list[AddedLine] = []
    commit, path, columns, number, body = "", None, 1, 0, False
    for raw in stream:
        first = raw[:1]
        if first == b"\x01":
            commit, path, body = raw[1:].strip().decode("ascii"), None, False
        elif raw.startswith(b"diff "):
            path, body = None, False
        elif raw.startswith(b"@@"):
            columns, number, body = _hunk(raw)
        elif not body:
            if raw.startswith(b"+++ "):
                path = _path(raw[4:], prefix)
        elif first == b"\\" or raw == b"\n":  # "\ No newline at end of file"; between commits
            continue
        else:
            marks = raw[:columns]
            if b"-" in marks:  # a line the result does not have
                continue
            if path is not None and marks == b"+" * columns:
                text = raw[columns:].rstrip(b"\n")
                if keep(text):
                    found.append(AddedLine(commit, path, number, text))
            number += 1
    return found


def _hunk(header: bytes) -> tuple[int, int, bool]:
    """A hunk header (`@@ -1,3 +1,4 @@`, a merge's `@@@ -2,4 -2,4 +2,6 @@@`):
    how many mark columns its lines have, and the first line of the result."""
    ats = len(header) - len(header.lstrip(b"@"))
    result = next(word for word in header.split(b" ")[1:] if word.startswith(b"+"))
    return ats - 1, int(result[1:].split(b",")[0]), True


def _path(name: bytes, prefix: str) -> str | None:
    """A `+++ b/NAME` line's file, `prefix` taken off (None: /dev/null, the
    file was deleted). Git quotes a name with unusual characters as C does and
    ends one holding a space with a tab."""
    name = name.rstrip(b"\n")
    if name.endswith(b"\t"):
        name = name[:-1]
    if name.startswith(b'"') and name.endswith(b'"'):
        name = codecs.escape_decode(name[1:-1])[0]
    if not name.startswith(b"b/"):
        return None
    path = name[2:].decode("utf-8", "surrogateescape")
    return path[len(prefix) :] if path.startswith(prefix) else None


def _version(text: str) -> tuple[int, int] | None:
    """`git version 2.39.5` (`2.39.0.windows.1`) → (2, 39)."""
    found = re.search(r"(\d+)\.(\d+)", text)
    return (int(found[1]), int(found[2])) if found else None


def _environment() -> dict:
    # git's own words in English whatever the locale (they are only quoted), and
    # never a prompt on a terminal nobody watches.
    return dict(os.environ, LC_ALL="C", GIT_TERMINAL_PROMPT="0")


def _command(args: list[str], folder: Path) -> list[str]:
    return ["git", "--no-pager", "-C", str(folder), *args]


def _git(
    args: list[str], folder: Path, *, shown: str, input: bytes | None = None
) -> subprocess.CompletedProcess | Problem:
    """Run git in `folder`, its output as bytes; a Problem when git cannot run."""
    try:
        return subprocess.run(
            _command(args, folder), input=input, capture_output=True, env=_environment(),
            stdin=None if input is not None else subprocess.DEVNULL,
        )  # fmt: skip
    except OSError:
        return problem(shown, None, "no-git", "sig.no_git", "sig.install_git")


def _failed(stderr: bytes, shown: str) -> Problem:
    """git ran and failed: its last error line (its hints follow that), else the
    last thing it said."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    errors = [line for line in lines if line.startswith(("fatal:", "error:"))]
    detail = (errors or [line for line in lines if line] or ["?"])[-1]
    return problem(shown, None, "git-failed", "sig.git_failed", detail=detail)
