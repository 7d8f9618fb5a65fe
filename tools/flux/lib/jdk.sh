# shellcheck shell=bash
# Finds a JDK 21 or newer for the builds and the services.

java_major() {
	"$1/bin/java" -XshowSettings:properties -version 2>&1 |
		awk -F= '/java.specification.version/ { gsub(/ /, "", $2); split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

# Sets JAVA_HOME to a JDK 21+: JAVA_HOME when it qualifies, else the newest one found in the usual places.
pick_jdk() {
	if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/javac ]]; then
		local major
		major="$(java_major "$JAVA_HOME")"
		if ((${major:-0} >= 21)); then
			export JAVA_HOME
			return
		fi
		warn "JAVA_HOME=$JAVA_HOME is Java ${major:-?}; Flux needs 21+, looking for another JDK"
	fi
	local candidates=() dir best='' best_major=0 major
	local on_path
	on_path="$(command -v javac 2>/dev/null || true)"
	[[ -n $on_path ]] && candidates+=("$(dirname "$(dirname "$(readlink -f "$on_path")")")")
	for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* \
		"$HOME"/.jdks/* "$HOME"/.asdf/installs/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
		/opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home; do
		[[ -x $dir/bin/javac ]] && candidates+=("$dir")
	done
	for dir in "${candidates[@]}"; do
		major="$(java_major "$dir")"
		if ((${major:-0} >= 21 && major > best_major)); then
			best="$dir"
			best_major="$major"
		fi
	done
	[[ -n $best ]] || die "no JDK 21 or newer found (looked at JAVA_HOME, javac on PATH and /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." \
		"Install one, for example Eclipse Temurin 21 (https://adoptium.net) or 'sudo apt-get install openjdk-21-jdk' where your release has it," \
		"then run again or point JAVA_HOME at it."
	export JAVA_HOME="$best"
}
