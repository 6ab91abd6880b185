from .chapter import Chapter
from .plugin import register  # noqa: F401  (Pelican looks for register())

#: The JSON Schemas of this plugin's files (``site_core.schemas``): name → model.
JSON_SCHEMAS = {"chapter": Chapter}
