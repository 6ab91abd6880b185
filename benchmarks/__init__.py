"""Build-time benchmarks: synthetic chapter sites, our build against plain Pelican."""
