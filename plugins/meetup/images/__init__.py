"""Photos: a source image's bytes + settings in, metadata-free resized variants out
(``process``), and the ``<picture>``/gallery markup of a page's images (``markup``).
May import: the standard library, Pillow (``PIL``) and ``pelican.plugins.meetup.settings``; never
Pelican."""
