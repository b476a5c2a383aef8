"""Settings of the golden build: production settings, a fixed SITEURL, no cache.

Paths are absolute because Pelican resolves relative ones against this file.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, ROOT)

from publishconf import *  # noqa: E402,F403

SITEURL = "https://example.org/meetup"
FEED_DOMAIN = SITEURL
PATH = os.path.join(HERE, "content")
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
