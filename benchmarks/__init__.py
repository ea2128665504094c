"""Benchmarks of Mentor Gallery at scale (`make bench`); not part of `make test`."""
