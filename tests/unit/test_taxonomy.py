"""Vocabularies: labels, slugs, aliases and their collisions."""

from mentor_gallery.content.loader import load_roster
from mentor_gallery.content.slugs import slugify
from support import make_roster, profile


def errors_of(tmp_path, taxonomy: str) -> list[tuple[int, str]]:
    root = make_roster(tmp_path / "c", {}, taxonomy=taxonomy)
    return [(p.line, p.message) for p in load_roster(root).problems if p.severity == "error"]


def test_slug_form_follows_the_contract():
    assert slugify("Fire/Emergency Medical Services") == "fire-emergency-medical-services"
    assert slugify("Économie & Développement") == "economie-developpement"
    assert slugify("  C++  ") == "c"
    assert slugify("Øresund Łódź") == "oresund-lodz"


def test_colliding_slugs_are_reported_at_each_line_with_a_hint(tmp_path):
    found = errors_of(tmp_path, "expertise:\n  - C\n  - C#\n  - C++\nregions: [West]\n")
    assert sorted(line for line, _ in found) == [2, 3, 4]
    assert all("share the slug 'c'" in m and "explicit slug" in m for _, m in found)


def test_explicit_slugs_resolve_collisions(tmp_path):
    text = 'expertise:\n  - C\n  - {label: "C#", slug: csharp}\n  - {label: "C++", slug: cpp}\nregions: [West]\n'
    assert errors_of(tmp_path, text) == []


def test_a_label_given_twice_is_an_error(tmp_path):
    found = errors_of(tmp_path, "expertise:\n  - Finance\n  - {label: Budget, slug: budget, aliases: [Finance]}\nregions: [West]\n")
    assert {line for line, _ in found} == {2, 3}
    assert all("given twice" in m for _, m in found)


def test_aliases_count_as_the_label(tmp_path):
    taxonomy = "expertise:\n  - {label: Fire/Emergency Medical Services, aliases: [Fire, EMS]}\nregions: [West, {label: Out of State, slug: oos}]\n"
    root = make_roster(tmp_path / "c", {"ana": profile(expertise="[EMS]", region='"Out of State"')}, taxonomy=taxonomy)
    result = load_roster(root)
    assert result.ok, result.problems
    mentor = result.roster.mentors[0]
    assert mentor.expertise[0].label == "Fire/Emergency Medical Services"
    assert mentor.region.slug == "oos"


def test_missing_taxonomy_and_unknown_keys(tmp_path):
    root = tmp_path / "c"
    (root / "mentors").mkdir(parents=True)
    assert "taxonomy.yml is missing" in load_roster(root).problems[0].message
    found = errors_of(tmp_path / "x", "expertise: [A]\nregions: [B]\nmax_expertize: 2\n")
    assert found == [(3, "unknown key 'max_expertize'; did you mean 'max_expertise'?")]


def test_max_expertise_is_honoured(tmp_path):
    taxonomy = "expertise: [Finance, Police]\nregions: [Western]\nmax_expertise: 1\n"
    root = make_roster(tmp_path / "c", {"ana": profile(expertise="[Finance, Police]")}, taxonomy=taxonomy)
    assert any("choose your 1 strongest" in p.message for p in load_roster(root).problems)


ROLES = "expertise: [Finance]\nregions: [Western]\nroles:\n  - Coach\n  - {label: Sounding board, slug: sounding-board, aliases: [Listener]}\n"


def test_roles_are_an_optional_vocabulary_with_labels_slugs_and_aliases(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(expertise="[Finance]", roles="[Listener, Coach]")}, taxonomy=ROLES)
    result = load_roster(root)
    assert result.ok, result.problems
    assert [(t.label, t.slug) for t in result.roster.mentors[0].roles] == [("Sounding board", "sounding-board"), ("Coach", "coach")]
    without = make_roster(tmp_path / "d", {"ana": profile(expertise="[Finance]")}, taxonomy="expertise: [Finance]\nregions: [Western]\n")
    plain = load_roster(without)
    assert plain.ok and plain.roster.taxonomy.roles.terms == [] and plain.roster.mentors[0].roles == []


def test_roles_follow_the_collision_rules_of_every_vocabulary(tmp_path):
    found = errors_of(tmp_path, "expertise: [Finance]\nregions: [West]\nroles:\n  - Coach\n  - COACH!\n  - {label: Guide, aliases: [coach]}\n")
    assert sorted({line for line, _ in found}) == [4, 5, 6]
    assert any("share the slug 'coach'" in m for _, m in found)
    assert any("'coach' is given twice in roles" in m for _, m in found)


def test_an_unknown_role_is_an_error_with_a_hint_at_its_line(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(roles="\n  - Coach\n  - Sounding bord")}, taxonomy=ROLES)
    found = [(p.line, p.message) for p in load_roster(root).problems]
    assert found == [(9, "unknown role 'Sounding bord'; did you mean 'Sounding board'?")]


def test_roles_need_roles_in_the_taxonomy(tmp_path):
    root = make_roster(tmp_path / "c", {"ana": profile(roles="[Coach]")})
    found = [(p.line, p.message) for p in load_roster(root).problems]
    assert found == [(7, "taxonomy.yml lists no roles yet; add a 'roles:' list there, or remove this key")]


def test_labels_are_read_in_any_case_by_check_as_by_match(tmp_path):
    from mentor_gallery.content.model import Term, Vocabulary

    root = make_roster(tmp_path / "c", {"ana": profile(expertise="[FINANCE, ems]", region="western", roles="[coach]")},
                       taxonomy=ROLES.replace("[Finance]", "[Finance, {label: Fire/Emergency Medical Services, aliases: [EMS]}]"))
    result = load_roster(root)
    assert result.ok, result.problems
    mentor = result.roster.mentors[0]
    assert [t.label for t in mentor.expertise] == ["Finance", "Fire/Emergency Medical Services"]
    assert (mentor.region.label, mentor.roles[0].label) == ("Western", "Coach")
    vocabulary = Vocabulary("expertise", [Term("Finance", "finance")])
    for spelling in ("finance", "FINANCE", " Finance "):
        assert vocabulary.find(spelling) == vocabulary.find_loose(spelling) == vocabulary.terms[0]
