"""Reading content files safely: UTF-8 text, frontmatter split, YAML with line numbers.

PyYAML's safe loader builds plain values but forgets where they came from, and expands
aliases without limit. We compose the node graph (which keeps marks) and convert it ourselves
with a budget, so every value keeps its line and an alias bomb is an error, not a hang.
python-frontmatter is not used: it drops the line numbers that every message needs.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mentor_gallery.content.plain_yaml import read_plain

MAX_FILE_BYTES = 512 * 1024
MAX_YAML_NODES = 100_000  # a taxonomy of 1,000 labels with aliases in both vocabularies fits
MAX_DEPTH = 50
# libyaml's C parser composes the same nodes with the same marks, about four times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"


# The tag YAML's implicit resolvers give a node. The safe loader has no path resolvers, so the
# tag depends on the node's kind and text alone; a roster repeats most of its values (a title, a
# language, `true`), and resolving each one by regular expressions was a large part of reading
# 10,000 profiles. Kept on each loader as a plain attribute, so libyaml's composer calls the
# cache directly.
_resolve_tag = functools.lru_cache(maxsize=16384)(yaml.resolver.Resolver().resolve)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        if not self.yaml_path_resolvers:
            self.resolve = _resolve_tag


_ALLOWED_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_TRAILING_COMMENT = re.compile(r"\s+#")

Path_ = tuple[Any, ...]


class SourceError(Exception):
    """A file that cannot be read at all; carries the line where that is known."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    """Parsed YAML data plus the line of every key and value, by path (('contact', 'email'))."""

    data: Any
    value_lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)
    # Problems that do not stop the reading (a key given twice: the first value is kept), so the
    # file's other problems are still found: (line, message).
    problems: list[tuple[int, str]] = field(default_factory=list)
    # An unquoted value as written, where YAML read it as something other than text (`No` as
    # false, `~` as nothing, `01234` as a number), so a message can quote what the author typed.
    written: dict[Path_, str] = field(default_factory=dict)
    # An unquoted value followed by ` #` on its line: the rest of the line as written, which YAML
    # drops as a comment.
    commented: dict[Path_, str] = field(default_factory=dict)

    def line(self, *path: Any) -> int:
        """Line of the value at path; else of its key; else of the nearest parent; else 1."""
        while True:
            if path in self.value_lines:
                return self.value_lines[path]
            if path in self.key_lines:
                return self.key_lines[path]
            if not path:
                return 1
            path = path[:-1]

    def key_line(self, *path: Any) -> int:
        return self.key_lines.get(path) or self.line(*path)


def inside(path: Path, root: Path) -> bool:
    """Whether path, with every link in it followed, is within root."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(root))
        return True
    except ValueError:
        return False


def read_content_bytes(path: Path, root: Path | None = None, max_bytes: int = MAX_FILE_BYTES, what: str = "content file",
                       too_large: str = "shorten it or move long material to a linked document") -> bytes:
    """The bytes of a regular file inside root, refusing links, devices, /proc files and empty files.

    A pull request can add a symlink as easily as a file: followed, it would publish whatever it
    points at (another profile's contact, the build's environment). The file is opened without
    following links and checked on the open descriptor, so it cannot be swapped in between.
    too_large: the fix a file over max_bytes is told."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise SourceError(1, f"cannot read the file: {exc.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise SourceError(1, f"is a symbolic link; a {what} must be a regular file inside the content folder: replace the link with a copy of the file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(1, f"is not a regular file (a device, pipe or folder); a {what} must be an ordinary file")
    if root is not None and not inside(path, root):
        raise SourceError(1, f"resolves outside the content folder ({root.name}/); a {what} must sit inside it")
    try:
        # O_NONBLOCK: a pipe swapped in after the check must not hang the build.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SourceError(1, f"cannot read the file: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise SourceError(1, f"is not a regular file; a {what} must be an ordinary file")
        if opened.st_size == 0:
            raise SourceError(1, "is empty; fill it in or delete it")
        if opened.st_size > max_bytes:
            raise SourceError(1, f"file is {opened.st_size // 1024} KB, over the {max_bytes // 1024} KB limit for one {what}; {too_large}")
        # Sized to the file, not to the limit: a buffer of the limit for every file cost more than
        # the reading. A file that grew since it was looked at is read on, up to the same limit.
        data = handle.read(opened.st_size + 1)
        if len(data) > opened.st_size:
            data += handle.read(max_bytes + 1 - len(data))
        return data


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES, root: Path | None = None) -> str:
    """UTF-8 (BOM accepted) with CRLF and CR normalised to LF."""
    raw = read_content_bytes(path, root, max_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(line, "file is not valid UTF-8 text; save it with UTF-8 encoding") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class FrontmatterFile:
    document: Document
    body: str
    body_line: int  # line of the body's first line in the file


def split_frontmatter(text: str) -> tuple[str, str, int]:
    """(yaml text, body, first body line). The YAML starts on line 2."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise SourceError(1, "file must start with a '---' line opening the YAML frontmatter")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise SourceError(len(lines), "frontmatter is not closed; add a '---' line after the last key")


def parse_yaml(text: str, first_line: int = 1, *, lenient_tags: bool = False) -> Document:
    """Parse one YAML document safely; line numbers are offset so that text starts at first_line.

    Text of plain `key: value` lines (most frontmatter) is read by plain_yaml, which gives the same
    document; any other, and mkdocs.yml with its tags, by libyaml."""
    if not lenient_tags:
        plain = _plain(text, first_line)
        if plain is not None:
            return plain
    return _parse_full(text, first_line, lenient_tags=lenient_tags)


def _parse_full(text: str, first_line: int = 1, *, lenient_tags: bool = False) -> Document:
    """parse_yaml by libyaml's composer, for any YAML."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.composer.ComposerError as exc:
            if "expected a single document" in str(exc):
                mark = exc.problem_mark or exc.context_mark
                raise SourceError(_line(mark, first_line), "more than one YAML document; frontmatter ends at the first '---' line and holds one mapping") from None
            raise
        except RecursionError:
            raise SourceError(first_line, "YAML is nested too deeply; flatten the structure") from None
        document = Document(data=None)
        if node is None:
            document.data = {}
            return document
        budget = [MAX_YAML_NODES]
        document.data = _convert(loader, node, (), document, first_line, budget, set(), lenient_tags, text.split("\n"))
        return document
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and mark and mark.line >= len(text.splitlines()):
            mark = exc.context_mark  # an unclosed bracket or quote is noticed at the end: name where it opened
        problem = exc.problem or str(exc)
        if "nesting depth" in problem:  # libyaml's own guard against deep nesting
            raise SourceError(_line(mark, first_line), "YAML is nested too deeply; flatten the structure") from None
        raise SourceError(_line(mark, first_line), f"invalid YAML: {problem}; check the indentation, and quote values that contain ': ', '#' or start with a special character") from None
    except yaml.reader.ReaderError as exc:
        # A NUL or other control character: name it and point at its line and column.
        bad = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        at = text.find(bad)
        line = text.count("\n", 0, at) + first_line if at >= 0 else first_line
        column = at - text.rfind("\n", 0, at) if at >= 0 else 1
        raise SourceError(line, f"column {column}: the invisible control character U+{ord(bad[:1] or ' '):04X} is not allowed; delete it and retype the text") from None
    except yaml.YAMLError as exc:
        raise SourceError(first_line, "invalid YAML: " + " ".join(str(exc).split())) from None
    finally:
        loader.dispose()


def _line(mark: Any, first_line: int) -> int:
    return (mark.line if mark is not None else 0) + first_line


def _environment_value(loader: Any, node: yaml.Node) -> Any:
    """mkdocs.yml's `!ENV VAR` or `!ENV [VAR, OTHER, default]`, resolved as MkDocs resolves it:
    the first variable that is set, its text typed as a plain YAML value; else the default."""
    default = None
    names: list[Any] = []
    if isinstance(node, yaml.ScalarNode):
        names = [node.value]
    elif isinstance(node, yaml.SequenceNode) and node.value:
        items = node.value
        if len(items) > 1:
            default = loader.construct_object(items[-1], deep=True) if isinstance(items[-1], yaml.ScalarNode) else None
            items = items[:-1]
        names = [item.value for item in items if isinstance(item, yaml.ScalarNode)]
    for name in names:
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value), deep=True)
    return default


def _convert(loader: Any, node: yaml.Node, path: Path_, doc: Document, first_line: int, budget: list[int], active: set[int],
             lenient: bool = False, lines: list[str] | None = None) -> Any:
    budget[0] -= 1
    line = node.start_mark.line + first_line  # _line, written out: this runs for every value of every file
    if budget[0] < 0:
        raise SourceError(line, f"YAML holds more than {MAX_YAML_NODES:,} values, or expands to them through '&' anchors and '*' aliases (an alias bomb); "
                                "write the values out without anchors and aliases, or split the file")
    if len(path) > MAX_DEPTH:
        raise SourceError(line, "YAML is nested too deeply; flatten the structure")
    doc.value_lines.setdefault(path, line)
    if lenient:
        if node.tag == "!ENV":
            return _environment_value(loader, node)
        if node.tag.startswith("!") and not node.tag.startswith("!!"):
            return None  # mkdocs.yml may carry other tags (!relative, !!python/name) that only MkDocs resolves
        if node.tag.startswith("tag:yaml.org,2002:python/"):
            return None
    if isinstance(node, yaml.ScalarNode):
        value = _scalar(loader, node, line)
        if not node.style:  # unquoted (None, or '' from libyaml): what YAML made of it may not be what was meant
            if not isinstance(value, str):
                doc.written[path] = node.value
            _note_comment(node, path, doc, lines)
        return value
    if node.tag not in _ALLOWED_COLLECTION_TAGS:
        raise SourceError(line, f"YAML tag '{node.tag}' is not allowed; remove the '!' tag and write a plain value")
    if id(node) in active:
        raise SourceError(line, "YAML alias refers to itself; write the values out without '&' anchors and '*' aliases")
    active.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            return [_convert(loader, item, path + (i,), doc, first_line, budget, active, lenient, lines) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise SourceError(_line(key_node.start_mark, first_line), "a key must be a plain word, not a list or mapping")
            # Keys stay as written: YAML 1.1 would turn `yes:` or `on:` into booleans.
            key = str(key_node.value)
            key_line = _line(key_node.start_mark, first_line)
            if key in result:
                # Reported, and the first value kept: the file's other problems are still found.
                doc.problems.append((key_line, f"key '{key}' is given twice (also on line {doc.key_lines[path + (key,)]}); keep one"))
                continue
            doc.key_lines[path + (key,)] = key_line
            result[key] = _convert(loader, value_node, path + (key,), doc, first_line, budget, active, lenient, lines)
        return result
    finally:
        active.discard(id(node))


def _scalar(constructor: Any, node: yaml.ScalarNode, line: int) -> Any:
    """A scalar's value: text as written, else what the safe constructor makes of its tag."""
    try:
        # Text is the scalar as written; only other tags need the constructor.
        return node.value if node.tag == _STR_TAG else constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:
        raise SourceError(line, f"YAML tag '{node.tag}' is not allowed; remove the '!' tag and write a plain value") from None
    except ValueError as exc:  # e.g. an impossible date such as 2024-02-30
        raise SourceError(line, f"invalid value '{node.value}': {exc}") from None


@functools.lru_cache(maxsize=4096)
def _typed_plain(tag: str, written: str) -> Any:
    """A plain scalar's value by the constructor of the full parser's loader; a roster repeats
    most (`true`, a year), and every implicit type (null, bool, number, date) is immutable."""
    return yaml.constructor.SafeConstructor().construct_object(yaml.ScalarNode(tag, written), deep=True)


def _plain(text: str, first_line: int) -> Document | None:
    """The document of text in the plain one-line-a-key shape (see plain_yaml), typed and lined
    as _convert types and lines it; None for any other text."""
    document = Document(data=None)

    def convert(scalar: tuple[str, bool, int], path: Path_) -> Any:
        written, quoted, line = scalar
        document.value_lines.setdefault(path, line)
        # A quoted scalar is text; a plain one is typed by the same resolver as the full parser's.
        tag = _STR_TAG if quoted else _resolve_tag(yaml.ScalarNode, written, (True, False))
        if tag == _STR_TAG:
            return written
        try:
            value = _typed_plain(tag, written)
        except (yaml.constructor.ConstructorError, ValueError):  # the full parser's message, at this line
            value = _scalar(yaml.constructor.SafeConstructor(), yaml.ScalarNode(tag, written), line)
        if not isinstance(value, str):
            document.written[path] = written
        return value

    data = read_plain(text, first_line, convert, document)
    if data is None:
        return None
    document.data = data
    return document


def _note_comment(node: yaml.ScalarNode, path: Path_, doc: Document, lines: list[str] | None) -> None:
    """Remember an unquoted one-line value that a ` #` on its line cut short."""
    start, end = node.start_mark, node.end_mark
    if lines is None or start.line != end.line or end.line >= len(lines) or "#" not in lines[end.line]:
        return
    rest = lines[end.line][end.column:]
    if _TRAILING_COMMENT.match(rest):
        doc.commented[path] = lines[end.line][start.column:].rstrip()


# Characters that make a file read differently from how it looks. U+2028, U+2029 and U+0085 end a
# line for YAML but not in an editor or a code review (`phone: "..." # private<U+2028>public: true`
# looks like one comment and makes the contact public); direction overrides, embeddings and
# isolates show a reversed address or phone as the real one. None has a use in a profile, a
# guide, a form or the taxonomy. (Direction marks, U+200E/U+200F, stay: right-to-left names need
# them, and every reading of the text also reads it in the order it is displayed.)
_HIDING = re.compile("[\u2028\u2029\u0085\u202a-\u202e\u2066-\u2069]")
_HIDING_NAMES = {"\u2028": "line separator", "\u2029": "paragraph separator", "\u0085": "next-line character"}


def refuse_hiding_characters(text: str) -> None:
    """Raise SourceError at the line and column of the first character that hides what a file
    says (see _HIDING), anywhere in it: frontmatter, statement or guide."""
    found = _HIDING.search(text)
    if found is None:
        return
    at, char = found.start(), found.group()
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    name = _HIDING_NAMES.get(char, "direction control")
    effect = ("starts a new line for YAML but not in an editor" if char in _HIDING_NAMES
              else "changes the order in which the text around it is shown")
    raise SourceError(line, f"column {column}: the invisible {name} U+{ord(char):04X} {effect}; delete it and retype the text")


def read_frontmatter_file(path: Path, root: Path | None = None) -> FrontmatterFile:
    text = read_text(path, root=root)
    refuse_hiding_characters(text)
    yaml_text, body, body_line = split_frontmatter(text)
    document = parse_yaml(yaml_text, first_line=2)
    if not isinstance(document.data, dict):
        raise SourceError(2, "frontmatter must be a mapping of 'key: value' lines")
    return FrontmatterFile(document, body, body_line)


def read_yaml_file(path: Path, root: Path | None = None) -> Document:
    text = read_text(path, root=root)
    refuse_hiding_characters(text)
    document = parse_yaml(text, first_line=1)
    if not isinstance(document.data, dict):
        raise SourceError(1, "file must be a mapping of 'key: value' lines")
    return document


def is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
