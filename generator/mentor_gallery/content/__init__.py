"""Reading and validating the content folder: files -> model, every problem collected.

Engine-free: nothing here imports MkDocs, so `mentor-gallery check` runs without it.
"""

from mentor_gallery.content.loader import LoadResult, load_roster

__all__ = ["LoadResult", "load_roster"]
