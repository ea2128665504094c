""""Find my mentor" and "Build your advisory team" in Chromium: the JS scorer agrees with scoring.py."""

import itertools
import json
import random
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, screenshot
from mentor_gallery import routes
from mentor_gallery.matching.scoring import Applicant, Candidate, Weights, admissible, ranked, score
from support import build_site

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scoring_cases.json"
CASES = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]

JS_SCORE = """async ([url, cases]) => {
  const data = await MentorMatch.load(url);
  return cases.map(c => {
    const s = MentorMatch.score(c.mentor, c.applicant, Object.assign({}, data.options, {weights: c.weights, maxAreas: c.max_areas}));
    return {score: s.value, reasons: s.reasons, admissible: MentorMatch.admissible(c.mentor, c.applicant)};
  });
}"""


def published(example_site) -> dict:
    return json.loads((example_site.site / "mentors" / "match-data.json").read_text(encoding="utf-8"))


def open_tool(page, url: str) -> None:
    page.goto(url)
    expect(page.locator(".mg-match__results")).not_to_have_attribute("aria-busy", "true")


def test_the_js_scorer_reproduces_the_shared_fixture(example_site, page):
    open_tool(page, example_site.url + "mentors/find/")
    got = page.evaluate(JS_SCORE, [example_site.url + "mentors/match-data.json", CASES])
    assert got == [c["expected"] for c in CASES]


def test_js_and_python_agree_on_every_mentor_of_the_example(example_site, page):
    data = published(example_site)
    mentors = [Candidate.from_json(m) for m in data["mentors"]]
    chance = random.Random(7)
    cases = []
    for _ in range(30):
        applicant = {"name": "", "needs": chance.sample(data["expertise"], chance.randint(1, 4)),
                     "region": chance.choice([None, *data["regions"]]), "remote": chance.choice([None, True, False]),
                     "frequency": chance.choice([None, *[t["slug"] for t in data["frequency"]]]),
                     "meeting": [t["slug"] for t in data["meeting"] if chance.random() < 0.4],
                     "program": chance.choice([None, *data["programs"]])}
        cases += [{"mentor": m, "applicant": applicant, "weights": Weights().to_json(), "max_areas": data["max_areas"]} for m in data["mentors"]]
    expected = []
    for case in cases:
        mentor, applicant = Candidate.from_json(case["mentor"]), Applicant.from_json(case["applicant"])
        result = score(mentor, applicant, Weights(), data["max_areas"])
        expected.append({"score": result.value, "reasons": list(result.reasons), "admissible": admissible(mentor, applicant)})
    assert len(mentors) == 28 and any(e["admissible"] for e in expected)
    open_tool(page, example_site.url + "mentors/find/")
    assert page.evaluate(JS_SCORE, [example_site.url + "mentors/match-data.json", cases]) == expected


def test_the_pages_carry_the_weights_python_uses(example_site, page):
    for path in ("mentors/find/", "mentors/team/"):
        page.goto(example_site.url + path)
        weights = json.loads(page.locator("[data-match-weights]").get_attribute("data-match-weights"))
        assert weights == Weights().to_json()


def test_custom_weights_reach_the_page(tmp_path):
    build = build_site(tmp_path, plugin={"matching": {"needs": 70, "region": 5, "remote_region": 10}})
    assert build.returncode == 0, build.output
    html = (build.site / "mentors" / "find" / "index.html").read_text(encoding="utf-8")
    expected = json.dumps(Weights(needs=70, region=5, remote_region=10).to_json()).replace('"', "&#34;")
    assert f'data-match-weights="{expected}"' in html


def test_ticking_needs_ranks_the_mentor_python_ranks_first(example_site, page):
    data = published(example_site)
    label = {t["label"]: t for t in data["expertise"]}
    open_tool(page, example_site.url + "mentors/find/")
    page.get_by_label("First need (most important)").select_option(label="Finance")
    page.get_by_label("Second need (optional)").select_option(label="Strategic Planning")
    page.get_by_label("Your region").select_option(label="Central")
    page.get_by_label("How often you would like to meet").select_option(label="Monthly")
    page.get_by_label("Video", exact=True).check()
    applicant = Applicant.from_json({"needs": [label["Finance"], label["Strategic Planning"]],
                                     "region": next(r for r in data["regions"] if r["label"] == "Central"), "remote": True,
                                     "frequency": "monthly", "meeting": ["video"]})
    expected = ranked([Candidate.from_json(m) for m in data["mentors"]], applicant, Weights(), data["max_areas"])
    results = page.locator("[data-match-result]")
    expect(results).to_have_count(len(expected))
    assert results.evaluate_all("els => els.map(e => e.dataset.matchResult)") == [c.slug for c, _ in expected]
    # Each name links where routes.py puts the profile, as match-data.json gives it.
    links = results.locator(".mg-match__name a").evaluate_all("els => els.map(e => e.href)")
    assert links == [example_site.url + routes.profile(c.slug) for c, _ in expected]
    first = results.first
    assert first.locator("[data-match-score]").get_attribute("data-match-score") == str(expected[0][1].value)
    assert first.locator(".mg-match__reasons").inner_text() == expected[0][1].text
    query = parse_qs(urlparse(page.url).query)
    assert query == {"needs": ["finance", "strategic-planning"], "region": ["central"], "frequency": ["monthly"], "meeting": ["video"]}
    screenshot(page, "match-find-desktop")
    assert axe_violations(page) == []
    first.get_by_role("link", name=expected[0][0].name, exact=True).click()
    expect(page).to_have_url(example_site.url + f"mentors/{expected[0][0].slug}/")
    expect(page.locator("h1")).to_have_text(expected[0][0].name)


def test_a_shared_find_link_restores_the_form_and_the_ranking(example_site, page):
    open_tool(page, example_site.url + "mentors/find/?needs=finance&needs=management&needs=nonsense&region=central&remote=no&program=partnership")
    assert page.get_by_label("First need (most important)").input_value() == "finance"
    assert page.get_by_label("Second need (optional)").input_value() == "management"
    assert page.get_by_label("Third need (optional)").input_value() == ""
    assert not page.get_by_label("A mentor from another region is fine").is_checked()
    assert page.get_by_label("Program", exact=True).input_value() == "partnership"
    data = published(example_site)
    applicant = Applicant.from_json({"needs": [t for s in ("finance", "management") for t in data["expertise"] if t["slug"] == s],
                                     "region": next(r for r in data["regions"] if r["slug"] == "central"), "remote": False,
                                     "program": next(p for p in data["programs"] if p["slug"] == "partnership")})
    expected = [c.slug for c, _ in ranked([Candidate.from_json(m) for m in data["mentors"]], applicant, Weights(), data["max_areas"])]
    assert len(expected) >= 2, "the example roster should give this link a ranking"
    results = page.locator("[data-match-result]")
    expect(results).to_have_count(len(expected))
    assert results.evaluate_all("els => els.map(e => e.dataset.matchResult)") == expected
    assert "needs=nonsense" not in page.url  # the page keeps only what it understood
    page.get_by_label("Program", exact=True).select_option(label="Any program")
    page.get_by_label("A mentor from another region is fine").check()
    expect(results).to_have_count(len(ranked([Candidate.from_json(m) for m in data["mentors"]],
                                             Applicant("", applicant.needs, applicant.region), Weights(), data["max_areas"])))


def test_no_fit_says_why(example_site, page):
    data = published(example_site)
    region = data["regions"][0]
    listing = {m["slug"] for m in data["mentors"] for t in m["expertise"] if t["slug"] == "police"}
    for m in data["mentors"]:
        if m["slug"] in listing:
            m["region"] = data["regions"][1]
    page.route("**/mentors/match-data.json", lambda route: route.fulfill(json=data))
    open_tool(page, example_site.url + f"mentors/find/?needs=police&region={region['slug']}&remote=no")
    expect(page.locator("[data-match-result]")).to_have_count(0)
    expect(page.locator("[data-match-status]")).to_contain_text(f"No available mentor lists Police in the region {region['label']}")


def test_profile_text_is_shown_as_text_never_run(example_site, page):
    data = published(example_site)
    hostile = "<img src=x onerror=\"window.pwned=1\">Eve"
    target = next(m for m in data["mentors"] if m["available"])
    target["name"] = hostile
    target["title"] = "<script>window.pwned=2</script>"
    page.route("**/mentors/match-data.json", lambda route: route.fulfill(json=data))
    open_tool(page, example_site.url + f"mentors/find/?needs={target['expertise'][0]['slug']}")
    item = page.locator(f"[data-match-result='{target['slug']}']")
    expect(item.locator(".mg-match__name a")).to_have_text(hostile)
    expect(item.locator(".mg-match__role")).to_have_text(target["title"])
    assert page.evaluate("window.pwned") is None


def smallest_team(data: dict, areas: list[str]) -> tuple[int, set[str]]:
    """(size of the smallest covering team, the areas no available mentor lists), by brute force."""
    pool = [m for m in data["mentors"] if m["available"]]
    coverable = {a for a in areas if any(a in {t["slug"] for t in m["expertise"]} for m in pool)}
    for size in range(0, len(coverable) + 1):
        for team in itertools.combinations(pool, size):
            if coverable <= {t["slug"] for m in team for t in m["expertise"]}:
                return size, set(areas) - coverable
    raise AssertionError("unreachable")


def test_the_team_is_the_smallest_cover_and_its_url_round_trips(example_site, page, browser):
    data = published(example_site)
    # Nobody covers Police for the moment: every mentor listing it is made unavailable.
    for m in data["mentors"]:
        if "police" in {t["slug"] for t in m["expertise"]}:
            m["available"] = False
    page.route("**/mentors/match-data.json", lambda route: route.fulfill(json=data))
    chosen = [t for t in data["expertise"] if t["label"] in ("Finance", "Police", "Engineering", "Work/Life Balance", "Human Resources")]
    open_tool(page, example_site.url + "mentors/team/")
    for term in chosen:
        page.get_by_label(term["label"], exact=True).check()
    areas = [t["slug"] for t in data["expertise"] if t in chosen]
    size, missing = smallest_team(data, areas)
    members = page.locator("[data-match-result]")
    expect(members).to_have_count(size)
    team = members.evaluate_all("els => els.map(e => e.dataset.matchResult)")
    by_slug = {m["slug"]: m for m in data["mentors"]}
    assert all(by_slug[s]["available"] for s in team)
    assert {t["slug"] for s in team for t in by_slug[s]["expertise"]} >= set(areas) - missing
    assert missing == {"police"} and size >= 2
    expect(page.locator("[data-match-uncovered]")).to_contain_text("No available mentor covers Police")
    assert parse_qs(urlparse(page.url).query) == {"areas": areas}
    assert page.locator("[data-match-share-link]").get_attribute("href") == page.url
    screenshot(page, "match-team-desktop")
    assert axe_violations(page) == []

    other = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    other.route("**/mentors/match-data.json", lambda route: route.fulfill(json=data))
    open_tool(other, page.url)
    assert other.locator("[data-match-area]:checked").evaluate_all("els => els.map(e => e.value)") == areas
    assert other.locator("[data-match-result]").evaluate_all("els => els.map(e => e.dataset.matchResult)") == team
    other.context.close()


def best_team(data: dict, areas: list[dict]) -> list[str]:
    """The team the rules ask for, by brute force over every team: the fewest available mentors
    covering what can be covered; then the most roles between them, organizations, regions, the
    highest summed score; then the first slugs."""
    wanted = {t["slug"] for t in areas}
    pool = [m for m in data["mentors"] if m["available"] and wanted & {t["slug"] for t in m["expertise"]}]
    coverable = {a for m in pool for a in wanted & {t["slug"] for t in m["expertise"]}}
    applicant = Applicant.from_json({"needs": areas})
    points = {m["slug"]: score(Candidate.from_json(m), applicant, Weights(), data["max_areas"]).value for m in pool}
    for size in range(0, len(coverable) + 1):
        teams = [team for team in itertools.combinations(pool, size)
                 if coverable <= {t["slug"] for m in team for t in m["expertise"]}]
        if teams:
            def rank(team):
                roles = {t["slug"] for m in team for t in m["roles"]}
                organizations = {m["organization"].strip().lower() for m in team}
                regions = {m["region"]["slug"] for m in team}
                names = " ".join(sorted(m["slug"] for m in team))
                return (-len(roles), -len(organizations), -len(regions), -sum(points[m["slug"]] for m in team), names)
            return sorted(m["slug"] for m in min(teams, key=rank))
    raise AssertionError("unreachable")


JS_TEAM = """async ([url, areas, weights]) => {
  const data = await MentorMatch.load(url);
  const terms = areas.map(slug => data.expertise[slug]);
  const result = MentorMatch.team(data.mentors, terms, Object.assign({}, data.options, {weights: weights}));
  return {members: result.members.map(m => m.mentor.slug).sort(), roles: result.roles.map(t => t.slug), complete: result.complete};
}"""


def test_the_js_team_builder_agrees_with_the_rules_on_the_example(example_site, page):
    data = published(example_site)
    assert data["roles"] and sum(1 for m in data["mentors"] if m["roles"]) >= 20
    chance = random.Random(11)
    choices = [chance.sample(data["expertise"], chance.randint(1, 5)) for _ in range(25)]
    open_tool(page, example_site.url + "mentors/team/")
    for areas in choices:
        got = page.evaluate(JS_TEAM, [example_site.url + "mentors/match-data.json", [t["slug"] for t in areas], Weights().to_json()])
        expected = best_team(data, areas)
        assert got["complete"] and got["members"] == expected, [t["slug"] for t in areas]
        held = {t["slug"] for m in data["mentors"] if m["slug"] in expected for t in m["roles"]}
        assert got["roles"] == [t["slug"] for t in data["roles"] if t["slug"] in held]


def mentor(slug: str, areas: list[str], roles: list[str], organization: str, region: str = "central") -> dict:
    term = lambda s: {"slug": s, "label": s.title()}
    return {"slug": slug, "name": slug.title(), "title": "Manager", "organization": organization, "expertise": [term(a) for a in areas],
            "region": term(region), "frequency": None, "meeting": [], "programs": [], "roles": [term(r) for r in roles], "available": True}


def test_a_team_does_not_double_a_single_role_when_another_mentor_brings_a_missing_one(example_site, page):
    data = published(example_site)
    data["roles"] = [{"slug": s, "label": s.title()} for s in ("coach", "sponsor", "connector")]
    areas = [t for t in data["expertise"] if t["slug"] in ("finance", "police")]
    assert [t["label"] for t in areas] == ["Finance", "Police"]
    # Finance has one mentor, ana, a coach. Police has two more coaches, and two sponsors: di of
    # ana's organization (written otherwise) in another region, ed of another organization in hers.
    data["mentors"] = [mentor("ana", ["finance"], ["coach"], "Town of Alder"),
                       mentor("bo", ["police"], ["coach"], "City of Brook", "coastal"),
                       mentor("cy", ["police"], ["coach"], "County of Elm", "mountain"),
                       mentor("di", ["police"], ["sponsor"], " town of ALDER", "coastal"),
                       mentor("ed", ["police"], ["sponsor"], "County of Elm", "central")]
    page.route("**/mentors/match-data.json", lambda route: route.fulfill(json=data))
    open_tool(page, example_site.url + "mentors/team/?areas=finance&areas=police")
    members = page.locator("[data-match-result]")
    expect(members).to_have_count(2)
    team = sorted(members.evaluate_all("els => els.map(e => e.dataset.matchResult)"))
    # Not a second coach beside ana but a sponsor, whatever their organizations and regions; of the
    # two sponsors, another organization than ana's (case and spaces ignored) before another region.
    assert team == ["ana", "ed"] == best_team(data, areas)
    expect(page.locator("[data-match-roles]")).to_have_text("Between them they can help as Coach and Sponsor.")
    expect(page.locator("[data-match-result='ed'] [data-match-helps]")).to_have_text("helps as Sponsor")

    # Fewer members come first, whatever their roles: a coach who covers both areas serves alone.
    data["mentors"].append(mentor("fay", ["finance", "police"], ["coach"], "Town of Alder"))
    url = example_site.url + "mentors/match-data.json"
    options = page.evaluate("async (url) => (await MentorMatch.load(url)).options", url)
    alone = page.evaluate("([mentors, areas, options]) => MentorMatch.team(mentors, areas, options).members.map(m => m.mentor.slug)",
                          [data["mentors"], areas, {**options, "weights": Weights().to_json()}])
    assert alone == ["fay"] == best_team(data, areas)


def test_the_team_builder_stops_at_eight_areas(example_site, page):
    open_tool(page, example_site.url + "mentors/team/")
    boxes = page.locator("[data-match-area]")
    for index in range(8):
        boxes.nth(index).check()
    assert boxes.nth(8).is_disabled() and not boxes.nth(0).is_disabled()
    boxes.nth(0).uncheck()
    assert not boxes.nth(8).is_disabled()


def test_the_tools_work_after_instant_navigation_from_the_gallery(example_site, page):
    page.goto(example_site.url + "mentors/")
    page.get_by_role("link", name="Find my mentor").click()
    expect(page).to_have_url(example_site.url + "mentors/find/")
    expect(page.locator("h1")).to_have_text("Find my mentor")  # instant navigation swaps the content after the address
    page.get_by_label("First need (most important)").select_option(label="Finance")
    expect(page.locator("[data-match-result]").first).to_be_visible()
    page.get_by_role("link", name="Build your advisory team").click()
    expect(page).to_have_url(example_site.url + "mentors/team/")
    expect(page.locator("h1")).to_have_text("Build your advisory team")
    page.get_by_label("Police", exact=True).check()
    expect(page.locator("[data-match-result]").first).to_be_visible()
    assert "areas=police" in page.url


@pytest.mark.parametrize("path", ["mentors/find/?needs=finance&needs=strategic-planning&needs=police&region=central&meeting=video",
                                  "mentors/team/?areas=finance&areas=police&areas=engineering&areas=it&areas=work-life-balance"])
def test_the_tools_fit_a_phone(example_site, phone, path):
    open_tool(phone, example_site.url + path)
    expect(phone.locator("[data-match-result]").first).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path} is {width}px wide on a 390px screen"
    phone.locator("[data-match-result]").first.scroll_into_view_if_needed()
    screenshot(phone, "match-phone-" + path.split("/")[1])
