"""Reading files: encodings, frontmatter, hostile YAML; every error carries its line."""

import pytest

from mentor_gallery.content.source import SourceError, parse_yaml, read_frontmatter_file, read_text, split_frontmatter


def test_bom_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\r\nname: Zoë\r\n---\r\nBody\r\n".encode("utf-8"))
    parsed = read_frontmatter_file(path)
    assert parsed.document.data == {"name": "Zoë"}
    assert parsed.body == "Body\n"
    assert parsed.body_line == 4


def test_lines_of_keys_and_values_are_file_lines():
    doc = parse_yaml("name: A\nexpertise:\n  - Finance\n  - Police\ncontact: {email: a@example.org}\n", first_line=2)
    assert doc.key_line("expertise") == 3
    assert doc.line("expertise", 1) == 5
    assert doc.line("contact", "email") == 6
    assert doc.line("missing") == 1 + 1  # falls back to the document's own line


@pytest.mark.parametrize("text, line, fragment", [
    ("a: !!python/object/apply:os.system [ls]\n", 2, "not allowed"),
    ("a: !custom 3\n", 2, "not allowed"),
    ("a: &x [*x]\n", 2, "refers to itself"),
    ("a: [1\nb: 2\n", 3, "invalid YAML"),
    ("updated: 2024-02-30\n", 2, "day is out of range"),
    ("a: 1\n---\nb: 2\n", 3, "more than one YAML document"),
])
def test_hostile_or_broken_yaml_is_an_error_at_its_line(text, line, fragment):
    with pytest.raises(SourceError) as info:
        parse_yaml(text, first_line=2)
    assert info.value.line == line
    assert fragment in info.value.message


def test_a_key_given_twice_is_reported_and_reading_goes_on():
    doc = parse_yaml("a: 1\nb: [x]\na: 2\nc: 3\n", first_line=2)
    assert doc.data == {"a": 1, "b": ["x"], "c": 3}  # the first value is kept
    assert doc.problems == [(4, "key 'a' is given twice (also on line 2); keep one")]


def test_alias_bomb_is_an_error_not_a_hang():
    levels = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        levels.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    with pytest.raises(SourceError) as info:
        parse_yaml("\n".join(levels) + "\n")
    assert "alias bomb" in info.value.message


def test_deep_nesting_is_an_error():
    with pytest.raises(SourceError) as info:
        parse_yaml("a: " + "[" * 5000 + "]" * 5000)
    assert "nested too deeply" in info.value.message or "too many values" in info.value.message


def test_yes_no_keys_stay_text():
    assert parse_yaml("on: 1\nyes: 2\n").data == {"on": 1, "yes": 2}


def test_huge_file_is_refused_with_its_size(tmp_path):
    path = tmp_path / "big.md"
    path.write_text("---\nname: x\n---\n" + "word " * 200_000, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_text(path)
    assert "limit" in info.value.message and info.value.line == 1


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes(b"---\nname: ok\ntitle: Se\xf1or\n---\n")
    with pytest.raises(SourceError) as info:
        read_text(path)
    assert info.value.line == 3 and "UTF-8" in info.value.message


@pytest.mark.parametrize("text, fragment", [("name: x\n", "must start with a '---'"), ("---\nname: x\n", "not closed")])
def test_frontmatter_must_be_fenced(text, fragment):
    with pytest.raises(SourceError) as info:
        split_frontmatter(text)
    assert fragment in info.value.message
