# shellcheck shell=bash
# flux-usage: docs
# flux-summary: render diagrams/ to docs/diagrams/, validate docs/asyncapi.yaml, lint docs/openapi/

help_docs() {
	cat <<'EOF'
Run it after editing a diagram and commit the SVGs: ./flux test does not render them, it fails
when one was not rendered from its current source or is wider than 1,600 px (DiagramTests).
Node.js, npm and Chromium are needed (installed with apt-get when you are root); the npm tools
are pinned by tools/docs/package-lock.json. FLUX_CHROMIUM points at another Chrome or Chromium.
EOF
}

cmd_docs() {
	no_args "$@"
	render_diagrams
	check_docs_sources
	lint_openapi
}
