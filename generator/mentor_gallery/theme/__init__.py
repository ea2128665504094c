"""The packaged theme: in a built package this folder holds a copy of the repository's
site-templates/ (setup.py copies it). It is registered as the installed theme `mentor-gallery`
(entry point `mkdocs.themes`), which a site's custom_dir extends for Zensical through its
`mkdocs_theme.yml`; MkDocs gets the same folder from the plugin instead."""
