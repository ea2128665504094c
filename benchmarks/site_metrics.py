"""What a built site weighs: on disk, per profile page, and gzipped as a browser downloads it."""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
GZIP_LEVEL = 6  # what web servers (nginx, GitHub Pages) typically use


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL))


def folder_bytes(folder: Path) -> int:
    total = 0
    for directory, _, names in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(directory, name)) for name in names)
    return total


@dataclass
class SiteWeight:
    total_mb: float
    files: int
    profile_page_bytes: float  # mean size of mentors/<slug>/index.html
    profile_page_max_bytes: int
    search_index_bytes: int  # search/search_index.json: Material's site search, fetched whole
    search_index_gzip: int


def weigh_site(site: Path, slugs: list[str]) -> SiteWeight:
    sizes = [(site / "mentors" / slug / "index.html").stat().st_size for slug in slugs]
    index = site / "search" / "search_index.json"
    files = sum(len(names) for _, _, names in os.walk(site))
    return SiteWeight(
        total_mb=folder_bytes(site) / MB,
        files=files,
        profile_page_bytes=sum(sizes) / len(sizes) if sizes else 0.0,
        profile_page_max_bytes=max(sizes, default=0),
        search_index_bytes=index.stat().st_size if index.is_file() else 0,
        search_index_gzip=gzip_size(index) if index.is_file() else 0,
    )


def largest_parts(site: Path, top: int = 6) -> list[tuple[str, float]]:
    """Where the bytes are: the biggest top-level parts of the site (a folder counts whole), in MB."""
    parts: dict[str, int] = {}
    for entry in site.iterdir():
        parts[entry.name + ("/" if entry.is_dir() else "")] = folder_bytes(entry) if entry.is_dir() else entry.stat().st_size
    mentors = site / "mentors"
    if mentors.is_dir():
        del parts["mentors/"]
        profiles = facets = other = 0
        for entry in mentors.iterdir():
            size = folder_bytes(entry) if entry.is_dir() else entry.stat().st_size
            if entry.name in ("expertise", "region", "role", "all"):
                facets += size
            elif entry.is_dir() and (entry / "index.html").is_file() and entry.name not in ("find", "team"):
                profiles += size
            else:
                other += size
        parts.update({"mentors/<slug>/": profiles, "mentors/expertise|region|role|all/": facets, "mentors/ (gallery, data)": other})
    ranked = sorted(parts.items(), key=lambda item: -item[1])[:top]
    return [(name, size / MB) for name, size in ranked]
