"""From the validated model to what the site shows: routes, views per audience, pages, rendering."""
