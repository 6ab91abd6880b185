"""Production settings: pelicanconf.py plus the public address and absolute feed URLs."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address comes from content/chapter.yml (site_url) unless SITEURL is set,
# e.g. by the GitHub Pages workflow for a project site.
SITEURL = os.environ.get("SITEURL", "")
PUBLISH = True
