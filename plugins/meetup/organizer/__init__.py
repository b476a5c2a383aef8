"""The organizer's tools that tasks.py calls: content check, new file, strict build,
publish, a new group's site (init).  May import everything in the plugin; runs Pelican through ``glue``'s build."""
