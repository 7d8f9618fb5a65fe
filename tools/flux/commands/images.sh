# shellcheck shell=bash
# flux-usage: images [--registry host/path] [--tag tag] [--base image] [--push]
# flux-summary: build one container image per service with Jib, without a Docker daemon

help_images() {
	cat <<'EOF_HELP'
Builds every service (the modules with an application.yml) and turns each into an OCI image with
Jib: target/<service>-image.tar, named <registry>/<service>:<tag> (default flux/<service>:<version>,
the names deploy/kubernetes uses). --push sends them to the registry instead (jib:build; log in
with your registry's credential helper or ~/.docker/config.json first). No Docker daemon is needed,
but Jib pulls the base image, eclipse-temurin:21-jre, from Docker Hub: a machine that cannot reach
it cannot build images. --base names another base image: a mirror of it in your registry, or
tar:///path/base.tar (a `docker save` of one); `--base scratch` builds the application layers alone,
to look at them where no registry is reachable. Tests are not run (./flux test does that).
EOF_HELP
}

cmd_images() {
	local registry=flux tag='' goal=buildTar base=()
	while (($#)); do
		case $1 in
		--registry | --tag | --base)
			(($# >= 2)) || usage_error "$1 needs a value"
			case $1 in
			--registry) registry=$2 ;;
			--tag) tag=$2 ;;
			--base) base=("-Djib.from.image=$2") ;;
			esac
			shift 2
			;;
		--push)
			goal=build
			shift
			;;
		*) usage_error "unknown argument '$1'" ;;
		esac
	done
	pick_jdk
	local services=() file
	for file in "$ROOT"/*/src/main/resources/application.yml; do
		services+=("$(basename "$(dirname "$(dirname "$(dirname "$(dirname "$file")")")")")")
	done
	local version
	version="$("$ROOT/mvnw" -q -f "$ROOT/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)"
	say "building images of ${services[*]} ($registry/<service>:${tag:-$version})"
	local modules
	modules="$(
		IFS=,
		echo "${services[*]}"
	)"
	"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl "$modules" -am package "com.google.cloud.tools:jib-maven-plugin:$goal" \
		-DskipTests -Dspring-javaformat.skip=true "-Dflux.image.registry=$registry" "-Dflux.image.tag=${tag:-$version}" "${base[@]}"
	local service
	for service in "${services[@]}"; do
		if [[ $goal == buildTar ]]; then
			ok "$service: $service/target/$service-image.tar (docker load / podman load / crane push)"
		else
			ok "$service: pushed $registry/$service:${tag:-$version}"
		fi
	done
}
