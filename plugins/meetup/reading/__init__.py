"""The pure reader: one file's text in, facts out; imports only the standard library, markdown-it-py and python-frontmatter."""
