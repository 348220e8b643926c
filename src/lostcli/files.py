"""Files: reading a regular file within a limit, cache entries and writing files (pure:
standard library only, and no `typing`: the prompt path reads its cache through it)."""

from __future__ import annotations

import os
import stat

from lostcli import __version__


class NotRegularFile(OSError):
    """A FIFO, a device or a socket where a file was expected."""


def read_regular(path: str, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a regular file, so that a caller can tell one too large. A
    FIFO would block and /dev/zero never end: the type is checked on the open descriptor, which
    O_NONBLOCK keeps from waiting for a FIFO's writer, before a byte is read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            import errno  # only a directory given for a file needs it

            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if not stat.S_ISREG(mode):
            raise NotRegularFile(0, "not a regular file", path)
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


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
    named by a checksum of their paths (FNV-1a: importing zlib or hashlib would cost the prompt
    more)."""
    key = record_key(path) if cache_dir else None
    if key is None or cache_dir is None:
        return None
    for other in others:
        key += (record_key(other) if other else None) or b"-\n"
    checksum = 0x811C9DC5
    for name in (path, *others):
        for byte in (os.fsencode(os.path.abspath(name)) if name else b"") + b"\0":
            checksum = ((checksum ^ byte) * 0x01000193) & 0xFFFFFFFF
    return os.path.join(cache_dir, f"{kind}-{checksum:08x}"), key


def cached(entry: tuple[str, bytes], limit: int) -> bytes | None:
    """The payload of a cache entry whose key matches, else None."""
    try:
        stored = read_regular(entry[0], limit + len(entry[1]))
    except (OSError, ValueError):
        return None
    if len(stored) > limit + len(entry[1]) or not stored.startswith(entry[1]):
        return None
    return stored[len(entry[1]) :]


def replace(path: str, data: bytes) -> None:
    """Write a file atomically: a temporary file beside it, with the permissions of the file it
    replaces (or of a new file), renamed over it, so that a reader sees the old or the new
    content and a failed write (a full disk, `ulimit -f`) leaves the old file as it was and no
    temporary file. A symbolic link is followed, not replaced. Raises OSError."""
    path = os.path.realpath(path)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mask = os.umask(0o022)
        os.umask(mask)
        mode = 0o666 & ~mask
    folder, name = os.path.split(path)
    temp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        try:
            os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
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


def store(path: str, data: bytes) -> None:
    """Write a cache file as `replace` does, never failing the command for it: an unwritable
    cache only costs speed."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        replace(path, data)
    except OSError:
        pass
