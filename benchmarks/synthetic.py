"""Synthetic rosters: N valid mentor profiles with the field mix of a real association.

Seeded, so a size always gives the same roster. The taxonomy, programs and forms are copied from
an existing content folder (the example association), so profiles use its real vocabularies.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import re
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mentor_gallery.content.slugs import slugify

EXAMPLE_CONTENT = Path(__file__).resolve().parents[1] / "content"

# Name parts built from syllables; some carry accents and letters outside ASCII, as real rosters do.
GIVEN_START = ["A", "Be", "Ca", "Da", "E", "Fa", "Ga", "Ha", "I", "Jo", "Ka", "La", "Ma", "Na", "O", "Pa", "Ra",
               "Sa", "Ta", "Vi", "Wa", "Ya", "Zo", "Ré", "Jö", "Ló", "Ñu", "Ål", "Æ", "Zé", "Ma", "Li"]
GIVEN_END = ["na", "ra", "lo", "mir", "ton", "ssa", "ria", "den", "la", "nuel", "rik", "lia", "mon", "ne", "sha", "vin",
             "ël", "drés", "ña", "ko", "ja", "mi", "ren", "ssandro"]
FAMILY_START = ["Al", "Bran", "Chau", "Dal", "Eber", "Fitz", "Gar", "Hol", "Ibá", "Jen", "Kow", "Lind", "Mar", "Nwo",
                "Oka", "Pé", "Quin", "Ros", "Stra", "Tal", "Ugo", "Van", "Wiś", "Yil", "Zhou", "Ørn", "Søren", "Müll"]
FAMILY_END = ["son", "berg", "ez", "ski", "ford", "ley", "mann", "ova", "ian", "ara", "dóttir", "rez", "well", "ić",
              "niewski", "sen", "er", "o", "ton", "i", "ward", "holm"]
TITLES = ["City Manager", "County Manager", "Assistant City Manager", "Deputy County Manager", "Town Manager",
          "Finance Director", "Budget Director", "Human Resources Director", "Public Works Director",
          "Fire Chief", "Police Chief", "Chief Information Officer", "Planning Director", "Retired City Manager",
          "Economic Development Director", "Assistant to the Manager", "Utilities Director", "Village Administrator"]
PLACES = ["Alder", "Port Wren", "Millbrook", "Harrow Point", "Cedar Falls", "Bellmont", "Stonebridge", "Ashford",
          "Riverside", "Greenvale", "Oakhurst", "Fairhaven", "Linden", "Maple Ridge", "Crestview", "Westbury",
          "São Lourenço", "Sainte-Thérèse", "Kingsport", "Pinehill", "Lakeview", "Northgate", "Eastmoor", "Brookfield"]
ORG_KINDS = ["City of", "County of", "Town of", "Village of"]
STATES = ["Riverlands", "NC", "VA", "SC", "GA", "TN"]
LANGUAGES = ["English", "Spanish", "French", "Vietnamese", "Mandarin", "Portuguese", "Polish", "Swahili", "Arabic"]
EDUCATION = ["MPA, Riverlands State University", "BA in Political Science", "MBA", "BS in Civil Engineering",
             "JD", "Certificate in Public Management", "MS in Urban Planning", "BA in Economics"]
CREDENTIALS = ["ICMA-CM", "MPA", "PE", "CPA", "SHRM-CP", "AICP", "CPM"]
MEMBERSHIPS = ["ICMA", "RCCMA", "NCCCMA", "ELGL", "GFOA", "APWA", "Women Leading Government", "NFBPA"]
FREQUENCIES = ["monthly", "every-other-month", "quarterly", "semi-annually"]
MEETINGS = ["in-person", "phone", "video", "email"]

# Statements are sentences assembled from these parts: varied words, as the gallery's search sees.
OPENERS = ["Over {n} years I have", "In my career I have", "As a manager I have", "Early on I", "For the last decade I have",
           "Before joining the county I", "Since {y} I have", "Most recently I have", "Like many of you, I have"]
ACTIONS = ["led the annual budget through a difficult recession", "rebuilt trust between the council and staff",
           "negotiated three labor contracts without a strike", "merged two fire districts into one department",
           "launched a performance dashboard that residents actually read", "moved our permitting online",
           "managed a hurricane recovery and the federal reimbursement that followed",
           "recruited and coached a new executive team", "outsourced solid waste collection and later brought it back",
           "guided a downtown redevelopment from vision to ribbon cutting", "overhauled purchasing and internal audit",
           "worked with neighbourhood associations on a participatory budget", "written a strategic plan with the community",
           "served as interim manager during a contentious transition", "replaced an ageing water treatment plant",
           "built a regional partnership for emergency dispatch", "introduced flexible schedules and remote work",
           "modernised our records systems and cybersecurity", "taken part in a bond referendum campaign"]
LESSONS = ["That taught me to listen before proposing anything.", "I learned that a budget is a statement of values.",
           "Trust is built slowly and spent quickly.", "Good data settles arguments that opinions cannot.",
           "The best decisions were the ones the staff helped shape.", "Clear, early communication prevents most crises.",
           "I made mistakes, and I am happy to talk about them honestly.", "Résumés matter less than relationships.",
           "Balancing family and a demanding job is possible with the right boundaries.",
           "Elected officials want options, not lectures.", "Small wins, celebrated publicly, carry a team through hard years."]
MENTEE_HOPES = ["I enjoy working with assistant managers preparing for their first manager role.",
                "I would like to meet department heads who are curious about the manager's chair.",
                "Students and early-career analysts are very welcome to reach out.",
                "I am glad to help anyone facing a first budget season or a difficult council.",
                "Mentees who come with questions and leave with a plan are the most rewarding.",
                "I can meet in the evenings and prefer short, regular conversations.",
                "I especially hope to support people returning to work after a career break.",
                "If you are weighing a move between a city and a county, I have made that move twice."]


@dataclass
class SyntheticProfile:
    slug: str
    frontmatter: dict[str, Any]
    statement: str
    photo: str | None = None  # file name of the photo beside the profile (see portrait_jpeg)

    @property
    def name(self) -> str:
        return self.frontmatter["name"]

    def markdown(self) -> str:
        return f"---\n{frontmatter_yaml(self.frontmatter)}---\n{self.statement}\n"


@dataclass
class Vocabularies:
    """What profiles may name: (label, aliases) per expertise term, region labels, program slugs."""

    expertise: list[tuple[str, list[str]]]
    regions: list[str]
    programs: list[str]
    max_expertise: int = 3


@dataclass
class SyntheticRoster:
    root: Path
    profiles: list[SyntheticProfile] = field(default_factory=list)

    @property
    def mentors_dir(self) -> Path:
        return self.root / "mentors"


def read_vocabularies(content: Path) -> Vocabularies:
    taxonomy = yaml.safe_load((content / "taxonomy.yml").read_text(encoding="utf-8"))

    def entries(items: list) -> list[tuple[str, list[str]]]:
        return [(item, []) if isinstance(item, str) else (item["label"], list(item.get("aliases") or [])) for item in items]

    programs = sorted(p.stem for p in (content / "programs").glob("*.md") if p.name.lower() != "readme.md")
    return Vocabularies(entries(taxonomy["expertise"]), [label for label, _ in entries(taxonomy["regions"])], programs,
                        int(taxonomy.get("max_expertise", 3)))


def write_roster(dest: Path, size: int, *, seed: int = 1, source: Path = EXAMPLE_CONTENT,
                 photo_share: float = 0.03) -> SyntheticRoster:
    """Write taxonomy, programs, forms (copied from source) and `size` profiles into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "taxonomy.yml", dest / "taxonomy.yml")
    for folder in ("programs", "forms"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, dest / folder, dirs_exist_ok=True)
    roster = SyntheticRoster(dest)
    roster.mentors_dir.mkdir(exist_ok=True)
    vocabularies = read_vocabularies(source)
    rng = random.Random(seed)
    taken: set[str] = set()
    for _ in range(size):
        profile = make_profile(rng, vocabularies, taken, photo_share)
        path = roster.mentors_dir / f"{profile.slug}.md"
        path.write_text(profile.markdown(), encoding="utf-8")
        if profile.photo and profile.photo.endswith(".svg"):
            (roster.mentors_dir / profile.photo).write_text(initials_svg(profile.name), encoding="utf-8")
        elif profile.photo:
            (roster.mentors_dir / profile.photo).write_bytes(portrait_jpeg(profile.slug))
        roster.profiles.append(profile)
    return roster


def make_profile(rng: random.Random, vocabularies: Vocabularies, taken: set[str], photo_share: float) -> SyntheticProfile:
    given = rng.choice(GIVEN_START) + rng.choice(GIVEN_END)
    family = rng.choice(FAMILY_START) + rng.choice(FAMILY_END)
    if rng.random() < 0.1:
        family += "-" + rng.choice(FAMILY_START) + rng.choice(FAMILY_END)
    name = f"{given} {family}"
    slug = unique_slug(slugify(name), taken)
    place = rng.choice(PLACES)
    front: dict[str, Any] = {
        "name": name,
        "title": rng.choice(TITLES),
        "organization": f"{rng.choice(ORG_KINDS)} {place}",
        "region": rng.choice(vocabularies.regions),
    }
    if rng.random() < 0.8:
        front["city"] = place
        front["state"] = rng.choice(STATES)
    # 1..max areas (the contract requires at least one); now and then written as an alias.
    areas = rng.sample(vocabularies.expertise, rng.randint(1, vocabularies.max_expertise))
    front["expertise"] = [rng.choice(aliases) if aliases and rng.random() < 0.15 else label for label, aliases in areas]
    years = rng.randint(3, 38)
    _maybe(rng, 0.85, front, "years_in_local_government", years)
    _maybe(rng, 0.7, front, "years_as_manager", rng.randint(0, years))
    _maybe(rng, 0.6, front, "education", rng.sample(EDUCATION, rng.randint(1, 2)))
    _maybe(rng, 0.85, front, "frequency", rng.choice(FREQUENCIES))
    _maybe(rng, 0.85, front, "meeting", rng.sample(MEETINGS, rng.randint(1, 4)))
    _maybe(rng, 0.3, front, "accepting", rng.random() < 0.6)
    _maybe(rng, 0.6, front, "capacity", rng.choice([0, 0, 1, 1, 2, 2, 3, 4]))
    _maybe(rng, 0.8, front, "programs", rng.sample(vocabularies.programs, rng.randint(0, min(3, len(vocabularies.programs)))))
    _maybe(rng, 0.5, front, "credentials", rng.sample(CREDENTIALS, rng.randint(1, 2)))
    _maybe(rng, 0.5, front, "memberships", rng.sample(MEMBERSHIPS, rng.randint(1, 3)))
    _maybe(rng, 0.6, front, "mentored_before", rng.random() < 0.5)
    _maybe(rng, 0.5, front, "languages", ["English"] + rng.sample(LANGUAGES[1:], rng.randint(0, 1)))
    # Most photos are photographs; one in five is drawn initials (SVG), as some committees use.
    # Chosen by the slug, not drawn from rng: the rest of the roster stays as it was.
    photo = f"{slug}.{'svg' if zlib.crc32(slug.encode()) % 5 == 0 else 'jpg'}" if rng.random() < photo_share else None
    if photo:
        front["photo"] = photo
        _maybe(rng, 0.5, front, "photo_alt", f"Portrait of {name}")
    if rng.random() < 0.7:
        local = ".".join(slugify(part) for part in (given, family))
        if slug != slugify(name):  # a second mentor of the same name: an address of their own
            local += "." + slug.rsplit("-", 1)[1]
        # One number per profile (the profile's place in the roster): a public phone that is also
        # someone else's private one would rightly fail the build's privacy gate.
        rng.randint(100, 9999)  # the draw that once picked the number: the rest of the roster stays as it was
        # "555-2…": the digits 5552 appear nowhere in the theme's icons and scripts, whose digit runs
        # ("5 5 0 0 1 5 5" in an icon's path) the privacy gate would rightly read as a phone.
        front["contact"] = {"email": f"{local}@example.org", "phone": f"555-2{len(taken):05d}",
                            "public": rng.random() < 0.25}
    _maybe(rng, 0.9, front, "updated", dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1400)))
    statement = make_statement(rng, rng.randint(80, 300))
    first_sentence = statement.split("\n", 1)[0].replace("*", "").split(". ", 1)[0].rstrip(".") + "."
    _maybe(rng, 0.3, front, "summary", first_sentence)
    return SyntheticProfile(slug, front, statement, photo)


def _maybe(rng: random.Random, share: float, front: dict[str, Any], key: str, value: Any) -> None:
    if rng.random() < share and value not in ([], None):
        front[key] = value


def unique_slug(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def make_statement(rng: random.Random, words: int) -> str:
    """About `words` words of prose in 2-4 paragraphs, with a little Markdown."""
    sentences: list[str] = []
    count = 0
    while count < words:
        kind = rng.random()
        if kind < 0.45:
            opener = rng.choice(OPENERS).format(n=rng.randint(5, 30), y=rng.randint(1995, 2022))
            sentence = f"{opener} {rng.choice(ACTIONS)}."
        elif kind < 0.75:
            sentence = rng.choice(LESSONS)
        else:
            sentence = rng.choice(MENTEE_HOPES)
        if rng.random() < 0.05:
            sentence = f"**{sentence}**"
        sentences.append(sentence)
        count += len(sentence.split())
    cuts = sorted(rng.sample(range(1, len(sentences)), min(len(sentences) - 1, rng.randint(1, 3))))
    paragraphs = [" ".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)])]
    return "\n\n".join(paragraphs)


# Written by hand rather than by yaml.safe_dump: ten times faster at 10,000 profiles, and it reads
# like a committee's file (flow lists). Anything not plainly safe is a JSON string, which YAML reads.
_PLAIN = re.compile(r"[A-Za-z\u00c0-\u024f][\w .'/()&+-]*")


def yaml_scalar(value: Any, *, in_list: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value) if isinstance(value, int) else value.isoformat()
    text = str(value)
    plain = _PLAIN.fullmatch(text) and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n")
    return text if plain and not (in_list and "," in text) else json.dumps(text, ensure_ascii=False)


def frontmatter_yaml(front: dict[str, Any]) -> str:
    lines = []
    for key, value in front.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(yaml_scalar(v, in_list=True) for v in value)}]")
        elif isinstance(value, dict):
            lines.append(f"{key}: {{{', '.join(f'{k}: {yaml_scalar(v, in_list=True)}' for k, v in value.items())}}}")
        else:
            lines.append(f"{key}: {yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


PHOTO_SIZE = (1200, 1600)  # a phone photo (portrait) exported for the web: 2 megapixels


SKIN = ["#f1c27d", "#e0ac69", "#c68642", "#8d5524", "#ffdbac", "#a1665e"]


def portrait_jpeg(slug: str) -> bytes:
    """A photograph-like JPEG of PHOTO_SIZE, distinct per slug: a lit background, a head and
    shoulders, and the grain of a phone camera, so it compresses as a real photo does (a few
    hundred KB), not as flat colour. What the build pays per real photo (decoding, scaling,
    encoding, the privacy gate's reading) is then measured, which drawn initials would hide."""
    import io

    from PIL import Image, ImageDraw

    pick = random.Random(slug)
    width, height = PHOTO_SIZE
    backdrop = Image.new("RGB", (width, height), tuple(pick.randint(60, 200) for _ in range(3)))
    image = Image.composite(backdrop, Image.new("RGB", (width, height), "#202428"), _light(pick.randrange(4)))
    draw = ImageDraw.Draw(image)
    cx, cy = width // 2 + pick.randint(-80, 80), height // 2 - pick.randint(80, 200)
    draw.ellipse((cx - 520, cy + 330, cx + 520, height + 500), fill=tuple(pick.randint(20, 120) for _ in range(3)))
    draw.ellipse((cx - 190, cy - 250, cx + 190, cy + 250), fill=pick.choice(SKIN))
    image = Image.blend(image, _grain(pick.randrange(4)), 0.2)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


@functools.cache
def _light(turn: int) -> Any:
    from PIL import Image

    return Image.linear_gradient("L").rotate(90 * turn).resize(PHOTO_SIZE)


@functools.cache  # a few grains, shared: drawing noise for each photo took most of the time
def _grain(variant: int) -> Any:
    from PIL import Image

    return Image.merge("RGB", [Image.effect_noise(PHOTO_SIZE, 60 + 10 * variant + 5 * band) for band in range(3)])


def initials_svg(name: str) -> str:
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">'
            f'<circle cx="100" cy="100" r="100" fill="#3f51b5"/><text x="100" y="100" dy="0.35em" text-anchor="middle" '
            f'font-family="sans-serif" font-size="80" fill="#fff">{initials}</text></svg>\n')
