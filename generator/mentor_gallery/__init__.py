"""Mentor Gallery: mentoring-program content model, validation and site generation.

Data flows one way: files -> validated model (`content`) -> pages (`pages`) -> site (`plugin`).
Nothing outside `plugin` imports MkDocs, so `mentor-gallery check` runs without it.
"""

__version__ = "0.1.0"
