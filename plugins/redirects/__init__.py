from .generator import register  # noqa: F401  (Pelican looks for register())
