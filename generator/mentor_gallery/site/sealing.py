"""Members-only mode: profile details sealed at build time, opened in the browser.

AES-256-GCM with a key from PBKDF2-HMAC-SHA256 over the association's member passphrase and a
random salt per build. The browser's WebCrypto API opens the same format with no library
(site-templates/assets/mentor-gallery/unlock.js); here the `cryptography` package does the work:
no cryptography is written by hand.

The plaintext is padded before sealing, so a sealed profile's size tells only its bucket, not
the length of the mentor's statement.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

# OWASP's 2023 figure for PBKDF2-HMAC-SHA256: slow enough to make guessing costly, once per visit.
ITERATIONS = 600_000
MIN_PASSPHRASE_CHARS = 10
_IV_BYTES = 12
# Padded sizes are powers of two from 8 KiB. A profile with a statement of a few paragraphs and
# no photo draws to 2-5 KiB, so nearly every profile seals to the same 8 KiB; longer statements
# and photos fall into 16, 32, 64 KiB... buckets, which tell the length only to within a factor
# of two, at a cost of at most doubling a sealed profile.
MIN_PADDED_BYTES = 8 * 1024
_PAD_MARK = b"\x80"  # the ISO/IEC 7816-4 scheme: one 0x80 byte, then zeros up to the bucket


def padded_size(length: int) -> int:
    """The bucket for a plaintext of `length` bytes (and its one-byte end mark)."""
    size = MIN_PADDED_BYTES
    while size < length + len(_PAD_MARK):
        size *= 2
    return size


def pad(data: bytes) -> bytes:
    marked = data + _PAD_MARK
    return marked + bytes(padded_size(len(data)) - len(marked))


def unpad(data: bytes) -> bytes:
    """Drop the zeros and the mark; the text before them may itself end in 0x80 or zero bytes."""
    end = data.rstrip(b"\x00")
    if not end.endswith(_PAD_MARK):
        raise ValueError("the sealed text has no padding mark")
    return end[: -len(_PAD_MARK)]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class Sealer:
    salt: bytes
    key: bytes
    iterations: int = ITERATIONS

    @classmethod
    def from_passphrase(cls, passphrase: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> "Sealer":
        salt = salt or os.urandom(16)
        kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations)
        return cls(salt, kdf.derive(passphrase.encode("utf-8")), iterations)

    def seal(self, plaintext: str) -> str:
        """base64(iv || ciphertext || tag) of the padded text: a fresh IV per message."""
        iv = os.urandom(_IV_BYTES)
        return _b64(iv + AESGCM(self.key).encrypt(iv, pad(plaintext.encode("utf-8")), None))

    def open(self, token: str) -> str:
        raw = base64.b64decode(token)
        return unpad(AESGCM(self.key).decrypt(raw[:_IV_BYTES], raw[_IV_BYTES:], None)).decode("utf-8")

    @property
    def params(self) -> dict[str, object]:
        """What the browser needs to derive the same key from the passphrase."""
        return {"salt": _b64(self.salt), "iterations": self.iterations}


def passphrase_problem(passphrase: str | None, variable: str) -> str | None:
    if not passphrase:
        return (f"access: members-only needs the member passphrase in the environment variable {variable} "
                f"(a repository secret in the deploy workflow; on your computer: {variable}='…' make serve, or make build); "
                "it is never written in mkdocs.yml")
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return f"the member passphrase in {variable} is shorter than {MIN_PASSPHRASE_CHARS} characters; choose a longer one"
    return None
