"""A fast checksum for the keys of the caches read at every start.

Those keys only have to change when their input does. A cryptographic hash
buys nothing there and costs start-up time: importing hashlib loads OpenSSL,
a few milliseconds that a pre-commit hook pays at every commit. CRC-32 and
Adler-32 side by side, with the length, give a 96-bit key from zlib, which
the interpreter loads in a fraction of that.
"""

from __future__ import annotations

import zlib


class Checksum:
    """The part of hashlib's interface the caches use: update, copy, hexdigest."""

    __slots__ = ("_adler", "_crc", "_size")

    def __init__(self, data: bytes = b"") -> None:
        self._crc = zlib.crc32(data)
        self._adler = zlib.adler32(data)
        self._size = len(data)

    def update(self, data: bytes) -> None:
        self._crc = zlib.crc32(data, self._crc)
        self._adler = zlib.adler32(data, self._adler)
        self._size += len(data)

    def copy(self) -> Checksum:
        twin = Checksum()
        twin._crc, twin._adler, twin._size = self._crc, self._adler, self._size
        return twin

    def hexdigest(self) -> str:
        return f"{self._crc:08x}{self._adler:08x}{self._size & 0xFFFFFFFF:08x}"
