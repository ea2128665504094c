"""Sealing: what is sealed opens with the passphrase and with nothing else."""

import base64

import pytest
from cryptography.exceptions import InvalidTag

from mentor_gallery.site.sealing import Sealer, passphrase_problem


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


def _sealed_bytes(token: str) -> int:
    return len(base64.b64decode(token))


def test_statements_of_very_different_length_seal_to_the_same_size():
    sealer = Sealer.from_passphrase("river-otters-swim", iterations=1000)
    short, long = "<p>Ask me.</p>", "<p>" + "I have led budgets for twenty years. " * 100 + "</p>"
    assert len(long) > 200 * len(short)
    short_token, long_token = sealer.seal(short), sealer.seal(long)
    assert _sealed_bytes(short_token) == _sealed_bytes(long_token)
    assert sealer.open(short_token) == short
    assert sealer.open(long_token) == long


def test_sealed_sizes_fall_into_a_few_power_of_two_buckets():
    sealer = Sealer.from_passphrase("river-otters-swim", iterations=1000)
    sizes = {_sealed_bytes(sealer.seal("e" * n)) for n in range(0, 40_000, 997)}
    overhead = 12 + 16  # the IV and the GCM tag
    assert len(sizes) == 4  # 0 to 40 KB of text: the 8, 16, 32 and 64 KB buckets
    for size in sizes:
        padded = size - overhead
        assert padded >= 8192 and padded & (padded - 1) == 0, padded


def test_padding_is_removed_whatever_the_text_ends_with():
    sealer = Sealer.from_passphrase("river-otters-swim", iterations=1000)
    # U+0080 ends in the byte 0x80, the padding's own mark; a NUL is a zero byte like the padding.
    for text in ("", "Zoë", "ends in \u0080", "ends in a NUL\x00", "x" * 8191, "x" * 8192):
        assert sealer.open(sealer.seal(text)) == text


def test_a_text_one_byte_past_a_bucket_takes_the_next_one():
    sealer = Sealer.from_passphrase("river-otters-swim", iterations=1000)
    # The mark takes one byte: 8191 bytes of text fill the 8 KB bucket exactly.
    assert _sealed_bytes(sealer.seal("x" * 8191)) < _sealed_bytes(sealer.seal("x" * 8192))
