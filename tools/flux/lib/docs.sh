# shellcheck shell=bash
# Docs checks: render diagrams/, validate docs/asyncapi.yaml, lint docs/openapi/.

# The docs tools are npm packages pinned by tools/docs/package-lock.json and installed into
# tools/docs/node_modules; Mermaid CLI drives Debian's Chromium and never downloads a browser.
DOCS_TOOLS="$ROOT/tools/docs"

ensure_docs_tools() {
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		can_apt || die "Node.js and npm are needed to check the docs (diagrams, AsyncAPI, OpenAPI)." \
			"Install them: sudo apt-get install -y nodejs npm   (macOS: brew install node)"
		apt_install nodejs npm
	fi
	local stamp="$DOCS_TOOLS/node_modules/.flux-lock" lock
	lock="$(sha256sum "$DOCS_TOOLS/package-lock.json" | cut -d' ' -f1)"
	[[ -f $stamp && $(cat "$stamp") == "$lock" ]] && return
	say "installing the docs tools from tools/docs/package-lock.json (once; about a minute)"
	mkdir -p "$FLUX_DIR/logs"
	(cd "$DOCS_TOOLS" && PUPPETEER_SKIP_DOWNLOAD=true SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error) >"$FLUX_DIR/logs/npm.log" 2>&1 ||
		{ tail -n 20 "$FLUX_DIR/logs/npm.log" >&2; die "npm ci failed in tools/docs, see .flux/logs/npm.log"; }
	echo "$lock" >"$stamp"
}

ensure_chromium() {
	CHROMIUM="${FLUX_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
	if [[ -z $CHROMIUM ]]; then
		can_apt || die "Chromium is needed to render the diagrams and for the operator console's browser test." \
			"Install it: sudo apt-get install -y chromium   (or point FLUX_CHROMIUM at a Chrome or Chromium binary)"
		apt_install chromium
		CHROMIUM="$(command -v chromium)" || die "apt-get installed chromium but there is no chromium command"
	fi
}

# Renders every diagram to docs/diagrams/, stamped with its source's hash; DiagramTests fails
# when a committed SVG was not rendered from its current source or is too wide.
render_diagrams() {
	local started=$SECONDS
	ensure_docs_tools
	ensure_chromium
	node "$DOCS_TOOLS/render-diagrams.mjs" "$ROOT" "$CHROMIUM" ||
		die "a diagram under diagrams/ does not render or is too wide: the message above names the file and what is wrong." \
			"Fix the .mmd (a ';' or an unquoted '(' in a label are the usual syntax errors), then run ./flux docs again."
	ok "docs: diagrams rendered to docs/diagrams/ ($((SECONDS - started)) s)"
}

# Validates the AsyncAPI documents (events, gateway); the Java tests check what they and the
# diagrams say.
check_docs_sources() {
	local started=$SECONDS
	ensure_docs_tools
	node "$DOCS_TOOLS/validate-asyncapi.mjs" "$ROOT/docs/asyncapi.yaml" ||
		die "docs/asyncapi.yaml is not a valid AsyncAPI 3 document: see the paths and lines above." \
			"Fix it, then run ./flux docs; EventDocsTests (common-events) says what it must list."
	node "$DOCS_TOOLS/validate-asyncapi.mjs" "$ROOT/docs/asyncapi-gateway.yaml" ||
		die "docs/asyncapi-gateway.yaml is not a valid AsyncAPI 3 document: see the paths and lines above." \
			"Fix it, then run ./flux docs; GatewayProtocolDocsTests (notification-service) says what it must list."
	ok "docs: docs/asyncapi.yaml and docs/asyncapi-gateway.yaml valid ($((SECONDS - started)) s)"
}

# Lints the OpenAPI documents the services' tests exported (RunningServiceContract), and checks
# that docs/api.md links each of them.
lint_openapi() {
	local started=$SECONDS files=() file
	ensure_docs_tools
	shopt -s nullglob
	files=("$ROOT"/docs/openapi/*.json)
	shopt -u nullglob
	((${#files[@]})) || die "docs/openapi/ holds no OpenAPI document." \
		"The services' tests export them: run ./flux test (or ./mvnw verify -pl auth-service -am) first."
	"$DOCS_TOOLS/node_modules/.bin/spectral" lint --quiet --ruleset "$DOCS_TOOLS/spectral.yaml" --fail-severity=error "${files[@]}" ||
		die "Spectral found errors in docs/openapi/ (listed above, with the JSON path of each)." \
			"They come from the service's controllers and springdoc annotations: fix them there, the tests export the document again."
	for file in "${files[@]}"; do
		grep -qF "(openapi/$(basename "$file"))" "$ROOT/docs/api.md" ||
			die "docs/api.md does not link openapi/$(basename "$file")" \
				"Link it in the service's row of the table in docs/api.md: [openapi/$(basename "$file")](openapi/$(basename "$file"))."
	done
	ok "docs: ${#files[@]} OpenAPI document(s) in docs/openapi/ lint clean ($((SECONDS - started)) s)"
}
