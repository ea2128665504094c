"""Which rosters put profiles in the site search."""

import pytest

from mentor_gallery.settings import SiteSettings
from mentor_gallery.site.pages import SEARCH_PROFILES_UP_TO, searchable_profiles


@pytest.mark.parametrize("setting, access, count, expected", [
    ("auto", "public", 20, True),
    ("auto", "public", SEARCH_PROFILES_UP_TO, True),
    ("auto", "public", SEARCH_PROFILES_UP_TO + 1, False),
    (True, "public", 10_000, True),
    (False, "public", 20, False),
    (True, "members-only", 20, False),
])
def test_profiles_in_the_site_search(setting, access, count, expected):
    settings = SiteSettings(search_profiles=setting, access=access)
    assert searchable_profiles(settings, count) is expected
