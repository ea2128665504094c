"""The gallery's word index, in chunks by word, so that a search fetches only the words it needs.

The gallery's search keeps a mentor when every query word begins one of the mentor's indexed
words (`search_words`). Inverted, that is: for each query word, the union of the mentors of every
indexed word that starts with it. Indexed words sorted, every word starting with a query word
sits in one contiguous range, so the index is cut into chunks of consecutive words, and a small
manifest lists the first word of each: the browser fetches the manifest and the chunk or two
whose range a query word falls in (gallery-search.js). At 10,000 mentors the whole index is
about 370 KB gzip; a one-word query fetches one chunk of about 20 KB.

A mentor is its position in the gallery's default order (the order of its cards and of
gallery-cards.json). A word's mentors are written in whichever form is shorter: the gaps between
positions in base 36 ("0,4,1c": positions 0, 5, 54), or, for a word most mentors share, a bitmap
in base64 after "~" (bit i of byte i // 8 for position i, least significant bit first).

Chunks are files beside the manifest, named in it; both are JSON:
    manifest: {"count": N, "chunks": [[first word, file name], ...]}  (the first word of chunk 0 is "")
    chunk:    {"words": [...sorted], "mentors": [...one encoding per word]}
"""

from __future__ import annotations

import base64
import json
from bisect import bisect_right

from mentor_gallery import routes

# Raw bytes of a chunk before it starts another: about 20 KB gzip for the synthetic roster's prose.
CHUNK_BYTES = 32 * 1024
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    if number < 36:
        return _DIGITS[number]
    out = []
    while number:
        number, rest = divmod(number, 36)
        out.append(_DIGITS[rest])
    return "".join(reversed(out))


def encode_positions(positions: list[int], count: int) -> str:
    """A word's mentors (ascending positions below count), in the shorter of the two forms."""
    bitmap_chars = 1 + 4 * -(-((count + 7) // 8) // 3)  # "~" and base64 of count bits
    if 2 * len(positions) - 1 >= bitmap_chars:  # a gap is a digit and a comma at least
        return _bitmap(positions, count)
    gaps, previous = [], -1
    for position in positions:
        gaps.append(_base36(position - previous - 1))
        previous = position
    listed = ",".join(gaps)
    return listed if len(listed) <= bitmap_chars else _bitmap(positions, count)


def _bitmap(positions: list[int], count: int) -> str:
    bits = bytearray((count + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return "~" + base64.b64encode(bytes(bits)).decode("ascii")


def decode_positions(encoded: str, count: int) -> list[int]:
    """The inverse of encode_positions (the browser's reader does the same in gallery-search.js)."""
    if encoded.startswith("~"):
        bits = base64.b64decode(encoded[1:])
        return [i for i in range(count) if bits[i >> 3] >> (i & 7) & 1]
    positions, previous = [], -1
    for gap in encoded.split(",") if encoded else []:
        previous += int(gap, 36) + 1
        positions.append(previous)
    return positions


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def word_index_files(words_per_mentor: list[str], chunk_bytes: int = CHUNK_BYTES) -> dict[str, bytes]:
    """The manifest (routes.SEARCH_INDEX) and its chunks (routes.search_chunk), by site URI.
    words_per_mentor: each mentor's space-separated indexed words, in the gallery's default order."""
    count = len(words_per_mentor)
    postings: dict[str, list[int]] = {}
    for position, indexed in enumerate(words_per_mentor):
        for word in indexed.split():
            postings.setdefault(word, []).append(position)
    files: dict[str, bytes] = {}
    chunks: list[list[str]] = []  # [first word, file name] per chunk
    words: list[str] = []
    encoded: list[str] = []
    size = 0

    def close() -> None:
        uri = routes.search_chunk(len(chunks))
        chunks.append(["" if not chunks else words[0], uri.rsplit("/", 1)[1]])
        files[uri] = _dumps({"words": words, "mentors": encoded})

    for word in sorted(postings):
        entry = encode_positions(postings[word], count)
        if words and size + len(word) + len(entry) > chunk_bytes:
            close()
            words, encoded, size = [], [], 0
        words.append(word)
        encoded.append(entry)
        size += len(word) + len(entry) + 6  # the quotes and commas around both
    close()  # the last chunk (the only one, empty, for an empty roster)
    files[routes.SEARCH_INDEX] = _dumps({"count": count, "chunks": chunks})
    return files


def chunks_for(first_words: list[str], query_word: str) -> list[int]:
    """The chunks that hold every indexed word beginning with query_word: from the one whose range
    holds query_word itself to the last that starts with a word below query_word + "~" (after z)."""
    start = max(bisect_right(first_words, query_word) - 1, 0)
    end = bisect_right(first_words, query_word + "~")  # "~" sorts after every [a-z0-9]
    return list(range(start, max(end, start + 1)))
