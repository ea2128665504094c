"""The committee commands' record formats: CSV rows, profile YAML, the `new` template."""
