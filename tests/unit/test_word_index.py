"""The gallery's word index in chunks finds exactly what the whole index finds, for any query,
while a one-word query reads only the chunk or two its words fall in."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentor_gallery import routes
from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.slugs import fold
from mentor_gallery.site.pages import gallery_order, mentor_words
from mentor_gallery.site.word_index import CHUNK_BYTES, chunks_for, decode_positions, encode_positions, word_index_files
from support import EXAMPLE_CONTENT

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

from benchmarks.synthetic import write_roster  # noqa: E402


# ---- A reader of the chunks, as gallery-search.js reads them ------------------------------------

class ChunkedReader:
    def __init__(self, files: dict[str, bytes]):
        self.files = files
        manifest = json.loads(files[routes.SEARCH_INDEX])
        self.count = manifest["count"]
        self.firsts = [first for first, _ in manifest["chunks"]]
        self.names = [name for _, name in manifest["chunks"]]
        self.read: set[int] = set()  # the chunks a query needed

    def chunk(self, number: int) -> dict:
        self.read.add(number)
        return json.loads(self.files[f"mentors/{self.names[number]}"])

    def search(self, text: str) -> set[int]:
        hits = set(range(self.count))
        for word in set(re.findall(r"[a-z0-9]+", fold(text))):
            found: set[int] = set()
            for number in chunks_for(self.firsts, word):
                chunk = self.chunk(number)
                for indexed, encoded in zip(chunk["words"], chunk["mentors"]):
                    if indexed.startswith(word):
                        found.update(decode_positions(encoded, self.count))
            hits &= found
        return hits


def unchunked(words_per_mentor: list[str], text: str) -> set[int]:
    """Today's rule over the whole index: every query word begins some word of the mentor."""
    query = set(re.findall(r"[a-z0-9]+", fold(text)))
    return {i for i, words in enumerate(words_per_mentor)
            if all(any(w.startswith(q) for w in words.split()) for q in query)}


@pytest.fixture(scope="module")
def example_words() -> list[str]:
    roster = load_roster(EXAMPLE_CONTENT).roster
    return [mentor_words(m) for m in gallery_order(roster)]


@pytest.fixture(scope="module")
def synthetic_words(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("words") / "content"
    write_roster(root, 400, seed=3)
    roster = load_roster(root).roster
    return [mentor_words(m) for m in gallery_order(roster)]


QUERIES = ["bjorn", "Björn", "BJÖRN ÅGREN", "Björn Ågr", "zoe", "ZOË núñez", "nunez spanish", "lukasz", "Łukasz",
           "budget", "budg", "budget council", "b", "c", "z", "9", "20", "a b c", "manager city", "xyzzy", "",
           "fire/ems", "emergency medical", "straße", "strasse", "ægir", "aegir", "Ørn", "orn", "rene", "René",
           "søren", "soren", "müll", "mull", "ñu", "nu", "council-manager", "  spaced   out  "]


@pytest.mark.parametrize("text", QUERIES)
def test_chunked_search_finds_what_the_whole_index_finds_in_the_example(example_words, text):
    files = word_index_files(example_words, chunk_bytes=512)  # many small chunks: boundaries everywhere
    assert len([uri for uri in files if uri != routes.SEARCH_INDEX]) > 5
    assert ChunkedReader(files).search(text) == unchunked(example_words, text)


def test_accents_are_folded_as_the_contract_says(example_words):
    files = word_index_files(example_words, chunk_bytes=512)
    reader = ChunkedReader(files)
    roster = load_roster(EXAMPLE_CONTENT).roster
    order = [m.slug for m in gallery_order(roster)]
    assert "bjorn-agren" in {order[i] for i in reader.search("bjorn")}
    assert reader.search("bjorn") == reader.search("Björn") == reader.search("BJÖRN")


def test_chunked_search_matches_for_many_queries_on_a_synthetic_roster(synthetic_words):
    files = word_index_files(synthetic_words, chunk_bytes=2048)
    vocabulary = sorted({w for words in synthetic_words for w in words.split()})
    # Every chunk's first word and its prefixes (where a range begins), and a spread of others.
    reader = ChunkedReader(files)
    queries = {w[:n] for w in reader.firsts[1:] for n in range(1, len(w) + 1)} | set(vocabulary[::7])
    queries |= {f"{a} {b}" for a, b in zip(vocabulary[::23], vocabulary[5::31])}
    assert len(queries) > 200
    for text in sorted(queries):
        assert ChunkedReader(files).search(text) == unchunked(synthetic_words, text), text


def test_a_one_word_query_reads_only_the_chunks_of_its_words(synthetic_words):
    files = word_index_files(synthetic_words, chunk_bytes=2048)
    chunks = len(files) - 1
    assert chunks > 10
    for word in ("budget", "council", "manager", "recession", "zo"):
        reader = ChunkedReader(files)
        assert reader.search(word)
        assert 1 <= len(reader.read) <= 2, (word, reader.read)


def test_chunks_hold_about_the_bytes_asked_for(synthetic_words):
    files = word_index_files(synthetic_words, chunk_bytes=4096)
    for uri, data in files.items():
        if uri != routes.SEARCH_INDEX:
            chunk = json.loads(data)
            # Over only by its last word (a chunk holds at least one).
            last = len(chunk["words"][-1]) + len(chunk["mentors"][-1]) + 6
            assert len(data) <= 4096 + last + 40, uri


def test_every_word_is_in_exactly_one_chunk_in_order(synthetic_words):
    files = word_index_files(synthetic_words, chunk_bytes=1024)
    reader = ChunkedReader(files)
    words = []
    for number in range(len(reader.firsts)):
        chunk = reader.chunk(number)
        assert chunk["words"] == sorted(chunk["words"])
        assert number == 0 or chunk["words"][0] == reader.firsts[number]
        words += chunk["words"]
    assert words == sorted({w for ws in synthetic_words for w in ws.split()})


def test_an_empty_roster_has_one_empty_chunk():
    files = word_index_files([])
    reader = ChunkedReader(files)
    assert reader.count == 0 and reader.firsts == [""]
    assert reader.search("anything") == set()


def test_chunks_are_files_beside_the_gallery_that_no_slug_can_take():
    files = word_index_files(["alpha beta", "beta gamma"])
    assert set(files) == {routes.SEARCH_INDEX, routes.search_chunk(0)}
    assert all(uri.startswith("mentors/") and uri.endswith(".json") and uri.count("/") == 1 for uri in files)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=3000).flatmap(
    lambda count: st.tuples(st.just(count), st.sets(st.integers(min_value=0, max_value=count - 1)))))
def test_positions_survive_either_encoding(case):
    count, positions = case
    ordered = sorted(positions)
    encoded = encode_positions(ordered, count) if ordered else ""
    assert decode_positions(encoded, count) == ordered


def test_dense_words_become_bitmaps_and_sparse_ones_gap_lists():
    assert encode_positions(list(range(1000)), 1000).startswith("~")
    assert encode_positions([3, 5, 54], 1000) == "3,1,1c"
    assert decode_positions("3,1,1c", 1000) == [3, 5, 54]
    assert CHUNK_BYTES > 1024
