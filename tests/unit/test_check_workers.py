"""`check` reading a large roster on several cores: the same problems, in the same order, and
the same roster as reading it in one process, whatever a worker does."""

import os

import pytest

from mentor_gallery.content import fanout
from mentor_gallery.content.fanout import TwoPasses, can_fork
from mentor_gallery.content.loader import load_roster
from support import make_roster, profile, run_cli

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked, on Linux only")

ANA = profile(contact="{email: ana@example.org, phone: '919-555-0142', public: false}")


def roster(root):
    """Profiles with every kind of problem, spread so that each worker meets some: another
    mentor's private contact in a field, a statement (disguised) and a file name; the profile's
    own contact in its statement; bad YAML; an unknown key; and plain, valid profiles."""
    mentors = {"ana": ANA}
    for index in range(24):
        mentors[f"mentor-{index:02d}"] = profile(f"Mentor {index}", contact=f"{{email: m{index}@example.org, public: false}}")
    mentors["bo"] = profile("Bo", title='"Reach Ana at ana&#64;example.org"')
    mentors["cy"] = profile("Cy") + "\nCall <b>919</b>-555-0142 or write to m3@example.org.\n"
    mentors["di"] = profile("Di", contact="{email: di@example.org, public: false}") + "\nMail me: di&#x40;example.org\n"
    mentors["ed"] = "---\nname: [Ed\n---\nBody.\n"
    mentors["fa"] = profile("Fa", colour="blue")
    mentors["m7-example-org"] = profile("Gil")
    mentors["m7-at-example-org-9195550142"] = profile("Hu")
    return make_roster(root, mentors)


def outcome(result):
    return ([(p.path, p.line, p.message, p.severity) for p in result.problems],
            [(m.slug, m.statement_html, m.contact) for m in result.roster.mentors])


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_find_what_one_process_finds_in_the_same_order(tmp_path, monkeypatch, workers):
    content = roster(tmp_path / "content")
    alone = outcome(load_roster(content))
    monkeypatch.setattr(fanout, "MIN_ITEMS_PER_WORKER", 1)
    shared = outcome(load_roster(content, workers=workers))
    assert shared == alone
    messages = "\n".join(m for _, _, m, _ in alone[0])
    # The roster does hold what the workers must find (the comparison is not of two empty lists).
    assert "the private contact email of" in messages and "contains the private contact" in messages
    assert "the statement contains the private contact email" in messages and "unknown key 'colour'" in messages


def test_check_prints_the_same_with_workers(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    roster(tmp_path / "content")
    monkeypatch.setattr(fanout, "MIN_ITEMS_PER_WORKER", 10**9)
    alone = run_cli(capsys, "check", "content")
    monkeypatch.setattr(fanout, "MIN_ITEMS_PER_WORKER", 1)
    monkeypatch.setattr("mentor_gallery.commands.check.usable_cores", lambda: 2)
    assert run_cli(capsys, "check", "content") == alone
    assert alone[0] == 1


def _first(parent: int, die: str):
    def first(item: int):
        if os.getpid() != parent and die == "first":
            os._exit(3)  # a worker killed while reading
        return item * 10, -item
    return first


def _second(parent: int, die: str):
    def second(kept: int, shared: int):
        if os.getpid() != parent and die == "second":
            os._exit(3)
        return kept + shared
    return second


@pytest.mark.parametrize("die", ["", "first", "second"])
def test_a_worker_that_dies_costs_time_not_results(monkeypatch, die):
    monkeypatch.setattr(fanout, "MIN_ITEMS_PER_WORKER", 1)
    parent = os.getpid()
    passes = TwoPasses(_first(parent, die), sum, _second(parent, die))
    items = list(range(11))
    assert passes.run(items, workers=3) == passes.run(items, workers=1)
    assert passes.run(items, workers=3) == ([i * 10 for i in items], 550, [550 - i for i in items])
