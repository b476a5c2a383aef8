"""The Pelican glue: the only package that imports Pelican (readers, signal handlers,
writing the plugin's outputs).  Kept thin: the work is in ``reading`` and ``site``."""
