"""Sealing: what is sealed opens with the passphrase and with nothing else."""

import base64

import pytest
from cryptography.exceptions import InvalidTag

from mentor_gallery.members_only import Sealer, passphrase_problem


def test_sealed_text_opens_with_the_same_passphrase_and_salt():
    sealer = Sealer.from_passphrase("river-otters-swim", iterations=1000)
    token = sealer.seal("Zoë's statement")
    assert "statement".encode() not in base64.b64decode(token)  # the text is not carried in the clear
    again = Sealer.from_passphrase("river-otters-swim", salt=sealer.salt, iterations=1000)
    assert again.open(token) == "Zoë's statement"


def test_a_wrong_passphrase_or_a_changed_byte_fails():
    sealer = Sealer.from_passphrase("river-otters-swim", iterations=1000)
    token = sealer.seal("secret")
    with pytest.raises(InvalidTag):
        Sealer.from_passphrase("river-otters-swam", salt=sealer.salt, iterations=1000).open(token)
    tampered = token[:-4] + ("AAAA" if token[-4:] != "AAAA" else "BBBB")
    with pytest.raises(InvalidTag):
        sealer.open(tampered)


def test_each_seal_uses_a_fresh_iv():
    sealer = Sealer.from_passphrase("river-otters-swim", iterations=1000)
    assert sealer.seal("same") != sealer.seal("same")


def test_passphrase_rules():
    assert "environment variable MG_PASS" in passphrase_problem(None, "MG_PASS")
    assert "shorter than" in passphrase_problem("short", "MG_PASS")
    assert passphrase_problem("long enough phrase", "MG_PASS") is None
