# shellcheck shell=bash
# flux-usage: deploy kubernetes [--namespace name] [--overlay production|external-postgres] [--dry-run] [--output dir]
# flux-summary: render deploy/kubernetes and apply it with kubectl to the current context (--dry-run: render only)

help_deploy_kubernetes() {
	cat <<'EOF_HELP'
Renders deploy/kubernetes/overlays/<overlay> (default production: PostgreSQL through CloudNativePG)
with kubectl's built-in kustomize, in namespace flux or --namespace. Without --dry-run it then
  - checks that the RabbitMQ and CloudNativePG operators' resource types are installed,
  - creates the namespace and every Secret the manifests reference that does not exist yet, with
    random values (database and broker passwords, the key-encryption key); existing ones are kept,
  - applies the manifests (server-side) and waits for every Deployment to be rolled out.
--dry-run prints the manifests on standard output; --output dir writes them to dir/<namespace>.yaml
(and implies --dry-run). Needs kubectl 1.27 or newer. docs/deployment.md and docs/runbook.md say more.
EOF_HELP
}

K8S_DIR="$ROOT/deploy/kubernetes"

cmd_deploy_kubernetes() {
	local namespace=flux overlay=production dry_run=false output=''
	while (($#)); do
		case $1 in
		--namespace | --overlay | --output)
			(($# >= 2)) || usage_error "$1 needs a value"
			case $1 in
			--namespace) namespace=$2 ;;
			--overlay) overlay=$2 ;;
			--output)
				output=$2
				dry_run=true
				;;
			esac
			shift 2
			;;
		--dry-run)
			dry_run=true
			shift
			;;
		*) usage_error "unknown argument '$1'" ;;
		esac
	done
	[[ $namespace =~ ^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$ ]] || usage_error "'$namespace' is not a namespace name (lower case letters, digits, -)"
	if [[ ! -f $K8S_DIR/overlays/$overlay/kustomization.yaml ]]; then
		local known=("$K8S_DIR"/overlays/*/)
		known=("${known[@]%/}")
		usage_error "no overlay '$overlay'; deploy/kubernetes/overlays has: ${known[*]##*/}"
	fi
	command -v kubectl >/dev/null 2>&1 || die "kubectl is not installed: it renders (kustomize) and applies the manifests." \
		"Install kubectl 1.27 or newer (https://kubernetes.io/docs/tasks/tools/), then run again."

	local rendered
	rendered="$(k8s_render "$overlay" "$namespace")"
	if [[ $dry_run == true ]]; then
		if [[ -n $output ]]; then
			mkdir -p "$output"
			printf '%s\n' "$rendered" >"$output/$namespace.yaml"
			ok "rendered $overlay for namespace $namespace to $output/$namespace.yaml"
		else
			printf '%s\n' "$rendered"
		fi
		return
	fi
	k8s_check_operators "$overlay"
	say "applying $overlay to namespace $namespace of context $(kubectl config current-context)"
	kubectl create namespace "$namespace" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
	k8s_ensure_secrets "$overlay" "$namespace"
	printf '%s\n' "$rendered" | kubectl apply --server-side --field-manager=flux -f -
	local deployment
	for deployment in $(k8s_services); do
		kubectl -n "$namespace" rollout status "deployment/$deployment" --timeout=10m
	done
	ok "Flux runs in namespace $namespace (kubectl -n $namespace get pods)"
}

# The services deployed: those whose deployment.yaml base/kustomization.yaml lists.
k8s_services() {
	sed -n 's#^  - \([a-z-]*-service\)/deployment\.yaml$#\1#p' "$K8S_DIR/base/kustomization.yaml"
}

# The manifests of an overlay in a namespace: a throw-away kustomization on top of the overlay
# (beside the overlays: kustomize takes only relative paths).
k8s_render() { # overlay namespace
	local work rc=0
	work="$(mktemp -d "$K8S_DIR/.render.XXXXXX")"
	# shellcheck disable=SC2064 # the directory is known now; runs in the $(...) subshell of the caller
	trap "rm -rf '$work'" EXIT
	cat >"$work/kustomization.yaml" <<EOF_KUSTOMIZATION
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: $2
resources:
  - ../overlays/$1
EOF_KUSTOMIZATION
	kubectl kustomize "$work" || rc=$?
	((rc == 0)) || die "kubectl kustomize could not render deploy/kubernetes/overlays/$1"
}

k8s_check_operators() { # overlay
	local crds=(rabbitmqclusters.rabbitmq.com queues.rabbitmq.com exchanges.rabbitmq.com bindings.rabbitmq.com
		users.rabbitmq.com permissions.rabbitmq.com vhosts.rabbitmq.com)
	[[ $1 == production ]] && crds+=(clusters.postgresql.cnpg.io)
	kubectl get crd "${crds[@]}" >/dev/null ||
		die "the operators Flux needs are not installed in this cluster (missing resource types above)." \
			"Install the RabbitMQ Cluster Operator, the Messaging Topology Operator and CloudNativePG:" \
			"docs/runbook.md, section 'Kubernetes: install the operators'."
}

k8s_secret_exists() { # namespace name
	kubectl -n "$1" get secret "$2" >/dev/null 2>&1
}

k8s_random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n'; }

# A Secret with the given keys, created only when missing; values go through files, never arguments.
k8s_create_secret() { # namespace name type key=value...
	local namespace=$1 name=$2 type=$3 pair work
	shift 3
	if k8s_secret_exists "$namespace" "$name"; then
		ok "Secret $name exists, kept"
		return
	fi
	work="$(mktemp -d)"
	local args=()
	for pair in "$@"; do
		printf '%s' "${pair#*=}" >"$work/${pair%%=*}"
		args+=("--from-file=${pair%%=*}=$work/${pair%%=*}")
	done
	kubectl -n "$namespace" create secret generic "$name" --type="$type" "${args[@]}" >/dev/null
	rm -rf "$work"
	ok "Secret $name created with random values"
}

k8s_ensure_secrets() { # overlay namespace
	local overlay=$1 namespace=$2 service short
	for service in $(k8s_services); do
		short=${service%-service}
		k8s_create_secret "$namespace" "flux-$short-rabbitmq" Opaque "username=flux-$short" "password=$(k8s_random)"
		if [[ $overlay == production ]]; then
			# CloudNativePG creates role flux_<short> with this password (basic-auth, as it requires).
			k8s_create_secret "$namespace" "flux-$short-db" kubernetes.io/basic-auth "username=flux_$short" "password=$(k8s_random)"
		else
			k8s_secret_exists "$namespace" "flux-$short-db" ||
				die "Secret flux-$short-db is missing: with external databases, create it with the login of role flux_$short:" \
					"kubectl -n $namespace create secret generic flux-$short-db --type=kubernetes.io/basic-auth --from-literal=username=flux_$short --from-file=password=<file>"
		fi
	done
	k8s_create_secret "$namespace" flux-auth-keys Opaque "encryption-key=$(head -c 32 /dev/urandom | base64)"
}
