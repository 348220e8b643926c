"""Files: reading a regular file within a limit, cache entries, and the two writers, each with
its policy: `write_user_file` for the files a user names (`calendar -o`, `--export`), `store` for
the cache (pure: standard library only, and no `typing`: the prompt path reads and writes its
cache through it)."""

import os
import stat

from lostcli import __version__


def read_regular(path: str, limit: int, private: bool = False) -> bytes:
    """At most `limit` + 1 bytes of a regular file, so that a caller can tell one too large. A
    FIFO would block and /dev/zero never end: the type is checked on the open descriptor, which
    O_NONBLOCK keeps from waiting for a FIFO's writer, before a byte is read. `private` (a cache
    entry, which is input like any other) follows no symbolic link and reads only a file of this
    user's."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
    fd = os.open(path, (flags | os.O_NOFOLLOW) if private else flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _is_a_directory(path)
        if not stat.S_ISREG(st.st_mode):
            from lostcli.errors import NotRegularFile  # errors.py only when something fails

            raise NotRegularFile(0, "not a regular file", path)
        if private and st.st_uid != os.geteuid():
            raise _error(PermissionError, "EPERM", path, "owned by another user")
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _error(kind: type[OSError], code: str, path: str, reason: str = "") -> OSError:
    import errno  # only failures need it: the prompt's path imports no more than it uses

    number = getattr(errno, code)
    return kind(number, reason or os.strerror(number), path)


def _is_a_directory(path: str) -> OSError:
    return _error(IsADirectoryError, "EISDIR", path)


def record_key(path: str) -> bytes | None:
    """What a cache entry made from a record file is valid for: this lostcli, the file's absolute
    path (a relative LOSTCLI_FILM names another file in another directory), device, inode,
    modification and change times and size (a file renamed or copied over another of the same
    size and mtime changes the inode or the change time). None for a file that cannot be read
    this way or is not a regular file."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    where = os.fsencode(os.path.abspath(path))
    stamp = f"{st.st_dev}:{st.st_ino}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_size}"
    return b"\t".join((__version__.encode(), where, stamp.encode())) + b"\n"


def cache_entry(
    cache_dir: str | None, kind: str, path: str, *others: str | None
) -> tuple[str, bytes] | None:
    """The cache file for what was made of the record at `path` (and of the `others` files,
    such as the config file, which need not exist), and the key its content starts with. One
    file for each set of files (two installations, or two configs, do not evict each other's),
    named by a checksum of their paths: their bytes as one number modulo the largest prime
    under 2**32 (importing zlib or hashlib would cost the prompt more, and so would a checksum
    computed byte by byte in Python)."""
    key = record_key(path) if cache_dir else None
    if key is None or cache_dir is None:
        return None
    for other in others:
        key += (record_key(other) if other else None) or b"-\n"
    names = (os.fsencode(os.path.abspath(name)) if name else b"" for name in (path, *others))
    checksum = int.from_bytes(b"\0".join(names)) % 0xFFFFFFFB
    return os.path.join(cache_dir, f"{kind}-{checksum:08x}"), key


def cached(entry: tuple[str, bytes], limit: int) -> bytes | None:
    """The payload of a cache entry whose key matches, else None: so is an entry that is a
    symbolic link, not a regular file or someone else's."""
    try:
        stored = read_regular(entry[0], limit + len(entry[1]), private=True)
    except (OSError, ValueError):
        return None
    if len(stored) > limit + len(entry[1]) or not stored.startswith(entry[1]):
        return None
    return stored[len(entry[1]) :]


def store(path: str, data: bytes) -> None:
    """Write a cache entry, never failing the command for it (an unwritable cache only costs
    speed). Policy: the folder is made, or made again, private to the user (0700), and one that
    is someone else's is not written in; the entry is a new file (0600) renamed over whatever
    has the name, so a symbolic link there is replaced, never followed. No fsync: an entry cut
    short by a crash fails its checks and is made again."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, 0o700, exist_ok=True)
        st = os.stat(folder)
        if st.st_uid != os.geteuid():
            return
        if stat.S_IMODE(st.st_mode) != 0o700:
            os.chmod(folder, 0o700)
        _replace(path, data, None, cache=True)
    except OSError:
        pass


def write_user_file(path: str, data: bytes) -> None:
    """Write a file the user named, as `> path` in a shell would but never leaving it half
    written. Policy: symbolic links are followed. A regular file, or a new one, is replaced
    atomically: a temporary file beside it, with its mode (and, for root, its owner and group),
    renamed over it, so a failed write (a full disk, `ulimit -f`) leaves it as it was. A file
    with more than one hard link is written in place once its room is allocated, so that every
    name keeps showing it. A device, a FIFO or a name that leads through /proc (/dev/stdout) is
    written directly, never replaced; a FIFO that nobody reads raises NoReader instead of
    waiting. Raises OSError (IsADirectoryError for a folder)."""
    target = _redirected(path)
    try:
        st: os.stat_result | None = os.stat(target or path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise _is_a_directory(path)
    if target is None or (st is not None and not stat.S_ISREG(st.st_mode)):
        _write_directly(target or path, data, st is not None and stat.S_ISFIFO(st.st_mode))
    elif st is not None and st.st_nlink > 1:
        _write_in_place(target, data)
    else:
        _replace(target, data, st)


def _redirected(path: str) -> str | None:
    """The file `path` names, with the symbolic links of its last part followed as the kernel
    would follow them; None for a name that leads through /proc or /dev/fd (macOS has no
    /proc), such as /dev/stdout: an open file of this process, not a name to replace."""
    for _ in range(40):  # the kernel's own limit on links in one lookup
        folder, name = os.path.split(path)
        folder = os.path.realpath(folder or ".")
        if folder in ("/proc", "/dev/fd") or folder.startswith(("/proc/", "/dev/fd/")):
            return None
        path = os.path.join(folder, name)
        try:
            path = os.path.join(folder, os.readlink(path))
        except OSError:  # not a link, or nothing there yet
            return path
    raise _error(OSError, "ELOOP", path)


def _replace(path: str, data: bytes, like: os.stat_result | None, cache: bool = False) -> None:
    """A temporary file beside `path`, written whole and renamed over it. The new file takes
    the mode of the file it replaces, `like` (and for root its owner and group), else the
    umask's, or for the `cache` 0600; only a user's file is worth an fsync."""
    folder, name = os.path.split(path)
    fd, temp = _temporary(folder, name, 0o600 if like is not None or cache else 0o666)
    try:
        try:
            if like is not None:
                if os.geteuid() == 0:  # before fchmod: a change of owner clears set-uid bits
                    os.fchown(fd, like.st_uid, like.st_gid)
                os.fchmod(fd, stat.S_IMODE(like.st_mode))
            _write_all(fd, data)
            if not cache:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        try:  # noqa: SIM105 (contextlib would cost the prompt an import)
            os.unlink(temp)
        except OSError:
            pass
        raise


def _temporary(folder: str, name: str, mode: int) -> tuple[int, str]:
    """A new file in `folder` that nothing else has: a random name, created exclusively, so
    that a leftover of another run (or a link someone placed) is never opened. The name keeps
    a short start of `name`, so that a temporary file beside a long name is not too long."""
    for _ in range(100):
        temp = os.path.join(folder or ".", f".{name[:32]}.{os.urandom(6).hex()}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
            return os.open(temp, flags, mode), temp
        except FileExistsError:
            continue
    raise _error(FileExistsError, "EEXIST", temp)


def _write_directly(path: str, data: bytes, fifo: bool) -> None:
    """Write as a shell's `>` does. O_NONBLOCK makes the open of a FIFO without a reader fail
    at once (ENXIO) instead of waiting; the writes then block as usual."""
    flags = os.O_WRONLY | os.O_TRUNC | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as e:
        import errno

        from lostcli.errors import NoReader

        if fifo and e.errno == errno.ENXIO:
            raise NoReader(e.errno, "no one is reading the FIFO", path) from None
        raise
    try:
        os.set_blocking(fd, True)
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_in_place(path: str, data: bytes) -> None:
    """Overwrite a file's content, keeping its inode. Its room is allocated first, so that a
    full disk or `ulimit -f` fails before a byte of the old content is lost (where the system
    can: macOS has no posix_fallocate)."""
    fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        if data and hasattr(os, "posix_fallocate"):
            os.posix_fallocate(fd, 0, len(data))
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
