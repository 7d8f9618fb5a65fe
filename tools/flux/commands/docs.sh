# shellcheck shell=bash
# flux-usage: docs
# flux-summary: render diagrams/ to docs/diagrams/, validate docs/asyncapi.yaml, lint docs/openapi/

help_docs() {
	cat <<'EOF'
Node.js, npm and Chromium are needed (installed with apt-get when you are root); the npm tools are
pinned by tools/docs/package-lock.json. FLUX_CHROMIUM points at another Chrome or Chromium binary.
EOF
}

cmd_docs() {
	no_args "$@"
	check_docs_sources
	lint_openapi
}
