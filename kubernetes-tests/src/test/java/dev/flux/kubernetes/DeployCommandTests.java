package dev.flux.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.events.topology.FluxTopology;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./flux deploy kubernetes} does to a cluster, against a kubectl that records
 * its calls (and renders with the real one): there is no cluster here to apply to.
 */
class DeployCommandTests {

	/**
	 * Stands in for kubectl: renders with the real one, answers the look-ups, and keeps
	 * every call's arguments, every applied stream and every Secret's files in its
	 * directory.
	 */
	private static final String FAKE_KUBECTL = """
			#!/usr/bin/env bash
			set -euo pipefail
			dir=$(dirname "$0")
			printf '%s\\n' "$*" >>"$dir/calls"
			case "$1 ${2:-}" in
			"kustomize "*) exec "$REAL_KUBECTL" "$@" ;;
			"config current-context") echo test-cluster ;;
			"get crd") exit 0 ;;
			"create namespace") printf 'apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: %s\\n' "$3" ;;
			"apply -f"|"apply --server-side") { echo ---; cat; } >>"$dir/applied" ;;
			"-n "*)
				case "$3 $4" in
				"get secret") grep -qx "$5" "$dir/existing" ;;
				"create secret")
					name=$6
					for arg in "$@"; do
						case $arg in
						--type=*) echo "type ${arg#--type=}" >>"$dir/secret.$name" ;;
						--from-file=*) spec=${arg#--from-file=}; echo "${spec%%=*} $(cat "${spec#*=}")" >>"$dir/secret.$name" ;;
						esac
					done
					;;
				"rollout status") exit 0 ;;
				*) exit 3 ;;
				esac
				;;
			*) exit 3 ;;
			esac
			""";

	@TempDir
	Path bin;

	@Test
	void createsMissingSecretsWithRandomValuesKeepsExistingOnesAppliesAndWaits() throws Exception {
		Files.writeString(this.bin.resolve("existing"), "flux-user-rabbitmq\n");

		int exit = deploy("--namespace", "flux-test");

		assertThat(exit).as(read("log")).isZero();
		List<String> services = FluxTopology.services();
		for (String service : services) {
			if (!service.equals("user")) {
				assertThat(secret("flux-" + service + "-rabbitmq")).containsEntry("type", "Opaque")
					.containsEntry("username", "flux-" + service)
					.hasEntrySatisfying("password", (password) -> assertThat(password).hasSizeGreaterThan(30));
			}
			assertThat(secret("flux-" + service + "-db")).containsEntry("type", "kubernetes.io/basic-auth")
				.containsEntry("username", "flux_" + service)
				.hasEntrySatisfying("password", (password) -> assertThat(password).hasSizeGreaterThan(30));
			assertThat(read("calls")).contains("-n flux-test rollout status deployment/" + service + "-service");
		}
		assertThat(read("calls").lines().filter((call) -> call.contains(" rollout status "))).hasSameSizeAs(services);
		assertThat(this.bin.resolve("secret.flux-user-rabbitmq")).doesNotExist();
		assertThat(Base64.getDecoder().decode(secret("flux-auth-keys").get("encryption-key"))).hasSize(32);
		assertThat(secret("flux-auth-db").get("password")).isNotEqualTo(secret("flux-user-db").get("password"));
		for (String value : List.of(secret("flux-auth-db").get("password"),
				secret("flux-auth-keys").get("encryption-key"))) {
			assertThat(read("calls")).as("secret values never appear in kubectl's arguments").doesNotContain(value);
		}
		Manifests applied = Manifests.parse(read("applied"));
		assertThat(applied.find("Namespace", "flux-test")).isPresent();
		assertThat(applied.ofKind("Deployment")).hasSameSizeAs(services);
		assertThat(applied.ofKind("Secret")).isEmpty();
	}

	@Test
	void externalDatabasesNeedTheirSecretsFirst() throws Exception {
		int exit = deploy("--overlay", "external-postgres");

		assertThat(exit).isNotZero();
		assertThat(read("log")).contains("Secret flux-auth-db is missing");
		assertThat(this.bin.resolve("applied")).content().doesNotContain("kind: Deployment");
	}

	@Test
	void wrongArgumentsChangeNothing() throws Exception {
		assertThat(deploy("--namespace", "Not_A_Name")).isEqualTo(2);
		assertThat(deploy("--overlay", "staging")).isEqualTo(2);
		assertThat(read("log")).contains("no overlay 'staging'").contains("external-postgres production");
		assertThat(this.bin.resolve("calls")).doesNotExist();
	}

	private int deploy(String... arguments) throws IOException, InterruptedException {
		Path kubectl = this.bin.resolve("kubectl");
		Files.writeString(kubectl, FAKE_KUBECTL);
		Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
		if (!Files.exists(this.bin.resolve("existing"))) {
			Files.writeString(this.bin.resolve("existing"), "");
		}
		List<String> command = new ArrayList<>(
				List.of("bash", Manifests.ROOT.resolve("flux").toString(), "deploy", "kubernetes"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(Manifests.ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.bin.resolve("log").toFile()));
		Map<String, String> environment = builder.environment();
		environment.put("REAL_KUBECTL", realKubectl());
		environment.put("PATH", this.bin + ":" + environment.get("PATH"));
		Process process = builder.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("./flux deploy kubernetes finished").isTrue();
		return process.exitValue();
	}

	private static String realKubectl() {
		for (String dir : System.getenv("PATH").split(":")) {
			Path candidate = Path.of(dir, "kubectl");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new AssertionError("kubectl 1.27+ is needed on the PATH to render deploy/kubernetes "
				+ "(https://kubernetes.io/docs/tasks/tools/)");
	}

	private Map<String, String> secret(String name) throws IOException {
		Map<String, String> entries = new HashMap<>();
		for (String line : Files.readAllLines(this.bin.resolve("secret." + name))) {
			entries.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
		}
		return entries;
	}

	private String read(String file) throws IOException {
		Path path = this.bin.resolve(file);
		return Files.exists(path) ? Files.readString(path) : "";
	}

}
