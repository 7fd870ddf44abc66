"""Renderers: each reads the diff model (tipdiff.diff.CountryDiff and the histories) and none
recomputes it. `text` is the terminal's plain text; `pages` the HTML and Markdown pages and
the Atom feeds under `reports/`. Import from the submodule you need: this package imports
nothing itself, so the CLI's `diff` does not load the page templates."""
