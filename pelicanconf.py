"""Pelican settings for local work (``invoke build``, ``invoke livereload``).

Everything group-specific lives here (the ``MEETUP_*`` block); the plugin and
the theme read it and hold no group data of their own.  ``publishconf.py``
imports this file and changes only what production needs.
"""

from pelican.plugins.meetup.rendering.markdown_config import cache_name, markdown_settings
from pelican.themes import meetup

# --- The group ---------------------------------------------------------------
SITENAME = "Machine Learning User Group Stuttgart"
SITESUBTITLE = "Monatlicher Austausch über Machine Learning – seit 2016"
AUTHOR = "Orga-Team"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Europe/Berlin"
# The site's language: texts from plugins/meetup/translations/<lang>/, dates and
# numbers by Babel, <html lang>, the fixed pages' addresses ("en": archive/, talks/ …).
DEFAULT_LANG = "de"

MEETUP_GROUP_NAME = "ML User Group Stuttgart"
MEETUP_LOCATION = "Stuttgart"
MEETUP_SIGNUP_URL = "https://www.meetup.com/example-ml-group/"
# The site's repository: "Vortrag vorschlagen" opens its call-for-talks issue form.
MEETUP_REPOSITORY_URL = "https://github.com/example/meetup-site"
# Third Tuesday of the month at 18:30; no meeting in July, August, December.
MEETUP_RECURRENCE = {
    "weekday": "tuesday",
    "week": 3,
    "time": "18:30",
    "skip_months": [7, 8, 12],
}
MEETUP_DEFAULT_TIME = "18:30"
MEETUP_DURATION_MINUTES = 150
# "full" (as written), "first" (first names only) or "count" (no names at all).
MEETUP_PARTICIPANT_NAMES = "full"
# Where the group meets: a meeting's "Wo:" names a venue by its name; its page and the
# next-meeting box show the address with a link to OpenStreetMap, the venues page (orte/)
# where the group met and how often.  "lat"/"lon", "directions", "accessibility" optional.
MEETUP_VENUES = {
    "Coworking Space Mitte": {
        "address": "Königstraße 1, 70173 Stuttgart",
        "lat": 48.7795,
        "lon": 9.1772,
        "directions": "Stadtbahn bis Hauptbahnhof oder Schlossplatz, dann drei Minuten zu Fuß; "
                      "Fahrradständer im Hof.",
        "accessibility": "Eingang ebenerdig, Aufzug in den 2. Stock, barrierefreie Toilette.",
    },
    "Neckar Analytics GmbH": {
        "address": "Hauptstätter Straße 70, 70178 Stuttgart",
        "directions": "Stadtbahn bis Österreichischer Platz; 3. OG, bei „Neckar Analytics“ "
                      "klingeln.",
    },
}

# Topic pages (themen/): a topic and the words of talk titles that make a talk one of its
# talks (whole words, any case); a meeting file's "Tags:" header names topics of its talks too.
MEETUP_TOPICS = {
    "LLM": ["LLM", "LLMs", "Sprachmodell", "Sprachmodelle", "Retrieval Augmented Generation",
            "RLHF", "LoRA"],
    "MLOps": ["MLOps", "Feature Stores", "Monitoring", "Optuna"],
    "Graphen": ["Graph Neural Networks"],
    "Zeitreihen": ["Zeitreihen"],
    "Recht": ["AI Act", "DSGVO"],
    "Synthetische Daten": ["synthetische Daten", "synthetische Trainingsdaten"],
}

# --- Content -------------------------------------------------------------------
PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_EXCLUDES = ["pages"]
STATIC_PATHS = ["images"]
# Reports and announcements may lie flat in content/ (the archive has no
# categories); the plugin decides what a file is, not its folder.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "archiv"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# German umlauts become ae/oe/ue/ss in URLs (märz -> maerz); unidecode would
# turn them into a/o/u, so the substitution runs on the Unicode title first.
SLUGIFY_USE_UNICODE = True
SLUG_REGEX_SUBSTITUTIONS = [
    (r"ä", "ae"),
    (r"ö", "oe"),
    (r"ü", "ue"),
    (r"ß", "ss"),
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

# No author/category/tag pages: one group, one author, the archive is by year.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives", "talks", "statistics", "venues", "search", "robots",
                    "notfound"]
# Archive, talks, statistics and search get their addresses in the site's language
# (German: archiv/, vortraege/, statistik/, suche/).  To choose one, set it here:
# ARCHIVES_SAVE_AS = "chronik/index.html"
# ARCHIVES_URL = "chronik/"
# Rendered from a template: the Sitemap line needs the absolute SITEURL.
ROBOTS_SAVE_AS = "robots.txt"
# GitHub Pages serves it for every unknown address; no link leads to it.
NOTFOUND_SAVE_AS = "404.html"
NOTFOUND_URL = "404.html"
PAGINATED_TEMPLATES = {}
DEFAULT_PAGINATION = False

# --- Markdown and typography ---------------------------------------------------
MARKDOWN = markdown_settings()
TYPOGRIFY = True
# smartypants would put English quotes over the German ones from Markdown's
# smarty extension; caps leaks <span> into titles.
TYPOGRIFY_OMIT_FILTERS = ["smartypants", "caps", "initial_quotes"]

# --- Theme and plugins ---------------------------------------------------------
THEME = meetup.path()
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                     "extensions": ["jinja2.ext.i18n"]}
# The plugin adds the message catalogs of DEFAULT_LANG and the theme's filters and
# globals in that language (dates via Babel, no OS locale; counts, calendar links,
# the chart): plugins/meetup/rendering/template_filters.py.
# The plugin's full name: this repository installs it editable, and Pelican's
# search for short names ("meetup") sees only plugins installed as files; a site
# that installs the package from PyPI can write PLUGINS = ["meetup", "sitemap"].
PLUGINS = ["pelican.plugins.meetup", "pelican.plugins.sitemap"]
# The search page (noindex) is left out of the sitemap by the plugin, whatever its address.
SITEMAP = {"format": "xml", "exclude": [r"^robots\.txt$", r"^404\.html$"]}

# Feeds need an absolute SITEURL for their ids: only publishconf.py writes them.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
# One cache per Markdown setup: Pelican does not notice settings changes.
CACHE_PATH = ".cache/" + cache_name(MARKDOWN)
