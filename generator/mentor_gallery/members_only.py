"""Members-only mode: profile details sealed at build time, opened in the browser.

AES-256-GCM with a key from PBKDF2-HMAC-SHA256 over the association's member passphrase and a
random salt per build. The browser's WebCrypto API opens the same format with no library
(site-templates/assets/mentor-gallery/unlock.js); here the `cryptography` package does the work:
no cryptography is written by hand.
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
        """base64(iv || ciphertext || tag): a fresh IV per message."""
        iv = os.urandom(_IV_BYTES)
        return _b64(iv + AESGCM(self.key).encrypt(iv, plaintext.encode("utf-8"), None))

    def open(self, token: str) -> str:
        raw = base64.b64decode(token)
        return AESGCM(self.key).decrypt(raw[:_IV_BYTES], raw[_IV_BYTES:], None).decode("utf-8")

    @property
    def params(self) -> dict[str, object]:
        """What the browser needs to derive the same key from the passphrase."""
        return {"salt": _b64(self.salt), "iterations": self.iterations}


def passphrase_problem(passphrase: str | None, variable: str) -> str | None:
    if not passphrase:
        return (f"access: members-only needs the member passphrase in the environment variable {variable} "
                "(a repository secret in the deploy workflow); it is never written in mkdocs.yml")
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        return f"the member passphrase in {variable} is shorter than {MIN_PASSPHRASE_CHARS} characters; choose a longer one"
    return None
