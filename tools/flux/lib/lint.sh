# shellcheck shell=bash
# Runs ShellCheck on every shell script of the repository: ./flux, .ci/run and every *.sh.

lint_scripts() {
	if ! command -v shellcheck >/dev/null 2>&1; then
		can_apt || die "shellcheck is needed to check the scripts: sudo apt-get install -y shellcheck"
		apt_install shellcheck
	fi
	local scripts=("$ROOT/flux" "$ROOT/.ci/run")
	local script
	while IFS= read -r script; do scripts+=("$script"); done < <(find "$ROOT" \( -name node_modules -o -name target \
		-o -name .flux -o -name .git \) -prune -o -name '*.sh' -type f -print | sort)
	(cd "$ROOT" && shellcheck -x "${scripts[@]}") || die "shellcheck found problems in the scripts"
	ok "shellcheck: ${#scripts[@]} scripts are clean"
}
