"""Production settings: pelicanconf.py plus the public address and absolute feed URLs."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address comes from content/chapter.yml (site_url) unless the SITEURL
# environment variable overrides it (no workflow of ours sets it).
SITEURL = os.environ.get("SITEURL", "")
PUBLISH = True
