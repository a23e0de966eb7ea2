"""Confine the current process: the OS-level layers around console and SPARQL worker processes.

A worker calls `confine(...)` first thing after its imports, before it starts any thread and before
it touches a query. Each layer is independent, so a bug in one (or a kernel without it) leaves the
others standing:

- ``memory``: RLIMIT_AS — an allocation past the cap fails (MemoryError in Python, a bad_alloc in a
  C++ engine) instead of taking the machine's RAM;
- ``cpu``: RLIMIT_CPU — the kernel sends SIGXCPU, then SIGKILL one second later, whatever the
  process is doing (the parent's wall-clock deadline normally fires first);
- ``netns``: unshare(CLONE_NEWNET) — the process moves to a new, empty network namespace (its
  loopback is down, there is no route anywhere; needs CAP_SYS_ADMIN, i.e. root or a user namespace);
- ``landlock_net``: Landlock ABI >= 4 — every TCP bind and connect is denied;
- ``landlock_fs``: Landlock — files can be read only under `read_paths` and what Python itself
  needs, and written only under `write_paths`;
- ``landlock_scope`` (ABI >= 6): no abstract UNIX sockets or signals outside the sandbox.

Landlock and the namespace apply to the calling thread and to threads and processes it creates
later; a thread that already runs is not confined, which is why `confine` must run before any
thread starts (it reports the layer unavailable if the process already has other threads).

The Landlock system calls (444/445/446 on x86-64 and arm64) are made through libc with ctypes: the
kernel's interface is three calls and two structs, and no maintained Python package wraps the
network rules of ABI 4+.
"""
from __future__ import annotations

import ctypes
import errno
import os
import platform
import resource
import site
import sys
import sysconfig
from collections.abc import Sequence

# --- Landlock constants (include/uapi/linux/landlock.h) -----------------------------------------
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH, _RULE_NET_PORT = 1, 2
_PR_SET_NO_NEW_PRIVS = 38
_CLONE_NEWNET = 0x40000000

FS_EXECUTE = 1 << 0
FS_WRITE_FILE = 1 << 1
FS_READ_FILE = 1 << 2
FS_READ_DIR = 1 << 3
FS_REMOVE_DIR = 1 << 4
FS_REMOVE_FILE = 1 << 5
FS_MAKE_CHAR = 1 << 6
FS_MAKE_DIR = 1 << 7
FS_MAKE_REG = 1 << 8
FS_MAKE_SOCK = 1 << 9
FS_MAKE_FIFO = 1 << 10
FS_MAKE_BLOCK = 1 << 11
FS_MAKE_SYM = 1 << 12
FS_REFER = 1 << 13      # ABI 2
FS_TRUNCATE = 1 << 14   # ABI 3
FS_IOCTL_DEV = 1 << 15  # ABI 5
NET_BIND_TCP = 1 << 0   # ABI 4
NET_CONNECT_TCP = 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0  # ABI 6
SCOPE_SIGNAL = 1 << 1

# Rights that make sense on a regular file (the kernel refuses directory rights on a file rule).
_FILE_RIGHTS = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE | FS_IOCTL_DEV
_READ_RIGHTS = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1  # the kernel struct is __attribute__((packed)): 12 bytes
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long

# The outcome of the last confine() in this process, for layers_report().
_LAST: dict[str, str] = {}

LAYERS = ("memory", "cpu", "netns", "landlock_net", "landlock_fs", "landlock_scope")


def _syscall(nr: int, *args) -> int:
    ret = _libc.syscall(ctypes.c_long(nr), *args)
    if ret < 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))
    return ret


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is absent or disabled."""
    if platform.system() != "Linux" or platform.machine() not in ("x86_64", "aarch64", "arm64"):
        return 0
    try:
        return _syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))
    except OSError:
        return 0


def python_read_paths() -> list[str]:
    """What a Python process needs to read after start-up: its installation and the system libraries."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             "/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib", "/etc/ld.so.cache",
             "/dev/null", "/dev/urandom", "/dev/random", "/proc/self", "/sys/devices/system/cpu",
             "/sys/fs/cgroup"}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        p = sysconfig.get_paths().get(key)
        if p:
            paths.add(p)
    try:
        paths.update(site.getsitepackages())
    except AttributeError:  # virtualenvs of old versions
        pass
    return sorted(paths)


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def _rlimit(which: int, value: int, hard_extra: int = 0) -> None:
    _, hard = resource.getrlimit(which)
    want_hard = value + hard_extra
    if hard != resource.RLIM_INFINITY and hard < want_hard:
        want_hard = hard
    resource.setrlimit(which, (min(value, want_hard), want_hard))


def confine(*, read_paths: Sequence[str] = (), write_paths: Sequence[str] = (), memory_bytes: int | None = None,
            cpu_seconds: int | None = None) -> dict[str, str]:
    """Confine this process; return {layer: "enforced" | "unavailable: reason"} for every layer.

    `read_paths` and `write_paths` may name directories (everything beneath them) or files; paths
    that do not exist are skipped. Nothing else on the file system can be opened afterwards, except
    what Python needs (`python_read_paths()`), read-only. The layers never loosen: a second call adds
    a further, stricter Landlock domain.
    """
    out: dict[str, str] = {}
    try:
        # no core files: a worker ended by SIGXCPU or SIGABRT must not dump its memory (query data) to disk
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass

    if memory_bytes:
        try:
            _rlimit(resource.RLIMIT_AS, int(memory_bytes))
            out["memory"] = "enforced"
        except (ValueError, OSError) as e:
            out["memory"] = f"unavailable: setrlimit(RLIMIT_AS) failed: {e}"
    else:
        out["memory"] = "unavailable: no memory cap requested"

    if cpu_seconds:
        try:
            # soft limit → SIGXCPU; the hard limit one second later → SIGKILL, which cannot be caught.
            _rlimit(resource.RLIMIT_CPU, int(cpu_seconds), hard_extra=1)
            out["cpu"] = "enforced"
        except (ValueError, OSError) as e:
            out["cpu"] = f"unavailable: setrlimit(RLIMIT_CPU) failed: {e}"
    else:
        out["cpu"] = "unavailable: no CPU limit requested"

    if platform.system() != "Linux":
        reason = f"unavailable: {platform.system()} is not Linux"
        out.update(netns=reason, landlock_net=reason, landlock_fs=reason, landlock_scope=reason)
        _LAST.clear()
        _LAST.update(out)
        return out

    threads = _threads()
    if threads > 1:
        reason = (f"unavailable: the process already runs {threads} threads (confine() must run before any "
                  "thread starts, or those threads stay unconfined)")
        out.update(netns=reason, landlock_net=reason, landlock_fs=reason, landlock_scope=reason)
        _LAST.clear()
        _LAST.update(out)
        return out

    try:
        _libc.unshare.argtypes = [ctypes.c_int]
        if _libc.unshare(_CLONE_NEWNET) != 0:
            e = ctypes.get_errno()
            raise OSError(e, os.strerror(e))
        out["netns"] = "enforced"
    except (OSError, AttributeError) as e:
        why = "needs CAP_SYS_ADMIN (root) or user namespaces" if getattr(e, "errno", None) in (errno.EPERM, errno.EINVAL) else ""
        out["netns"] = f"unavailable: unshare(CLONE_NEWNET) failed: {e}" + (f" ({why})" if why else "")

    out.update(_landlock(read_paths, write_paths))
    _LAST.clear()
    _LAST.update(out)
    return out


def _landlock(read_paths: Sequence[str], write_paths: Sequence[str]) -> dict[str, str]:
    abi = landlock_abi()
    if abi < 1:
        reason = "unavailable: the kernel has no Landlock (or it is disabled: see /sys/kernel/security/lsm)"
        return {"landlock_fs": reason, "landlock_net": reason, "landlock_scope": reason}

    fs = (1 << 13) - 1  # ABI 1: EXECUTE … MAKE_SYM
    if abi >= 2:
        fs |= FS_REFER
    if abi >= 3:
        fs |= FS_TRUNCATE
    if abi >= 5:
        fs |= FS_IOCTL_DEV
    net = NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0
    scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if abi >= 6 else 0
    attr = _RulesetAttr(fs, net, scoped)
    size = ctypes.sizeof(_RulesetAttr) if abi >= 6 else (16 if abi >= 4 else 8)
    out: dict[str, str] = {}
    try:
        rfd = _syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    except OSError as e:
        reason = f"unavailable: landlock_create_ruleset failed: {e}"
        return {"landlock_fs": reason, "landlock_net": reason, "landlock_scope": reason}
    try:
        write_rights = fs
        for p in python_read_paths() + [str(x) for x in read_paths]:
            _allow_path(rfd, p, _READ_RIGHTS & fs)
        for p in ["/dev/null"] + [str(x) for x in write_paths]:
            _allow_path(rfd, p, write_rights)
        # No network rule at all: with TCP bind/connect handled, every port is denied.
        if _libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            e = ctypes.get_errno()
            raise OSError(e, f"prctl(PR_SET_NO_NEW_PRIVS) failed: {os.strerror(e)}")
        _syscall(_SYS_RESTRICT_SELF, ctypes.c_int(rfd), ctypes.c_uint32(0))
    except OSError as e:
        reason = f"unavailable: {e}"
        return {"landlock_fs": reason, "landlock_net": reason, "landlock_scope": reason}
    finally:
        os.close(rfd)
    out["landlock_fs"] = f"enforced (ABI {abi})"
    out["landlock_net"] = f"enforced (ABI {abi})" if net else f"unavailable: Landlock ABI {abi} < 4 has no network rules"
    out["landlock_scope"] = f"enforced (ABI {abi})" if scoped else f"unavailable: Landlock ABI {abi} < 6 has no scopes"
    return out


def _allow_path(rfd: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # a path that does not exist needs no rule
    try:
        if not os.path.isdir(path):
            rights &= _FILE_RIGHTS
        rule = _PathBeneathAttr(rights, fd)
        _syscall(_SYS_ADD_RULE, ctypes.c_int(rfd), ctypes.c_int(_RULE_PATH_BENEATH), ctypes.byref(rule),
                 ctypes.c_uint32(0))
    finally:
        os.close(fd)


def layers_report(layers: dict[str, str] | None = None) -> str:
    """One line per layer; layers that are not enforced are flagged so a start-up log shows them loudly.

    Empty string when every layer is enforced."""
    layers = _LAST if layers is None else layers
    missing = {k: v for k, v in layers.items() if not v.startswith("enforced")}
    if not missing:
        return ""
    lines = ["WARNING: worker sandbox is missing layers (the others still hold):"]
    lines += [f"  - {k}: {v}" for k, v in missing.items()]
    return "\n".join(lines)


def is_enforced(layers: dict[str, str], layer: str) -> bool:
    return layers.get(layer, "").startswith("enforced")
