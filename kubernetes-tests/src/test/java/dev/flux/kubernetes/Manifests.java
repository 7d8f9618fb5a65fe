package dev.flux.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

import dev.flux.testsupport.FluxInfrastructure;

import static org.assertj.core.api.Assertions.fail;

/**
 * The objects of deploy/kubernetes as {@code ./flux deploy kubernetes --dry-run} renders
 * them (kubectl's built-in kustomize), read as YAML maps.
 *
 * @param objects every rendered object, in the order rendered
 */
record Manifests(List<Map<String, Object>> objects) {

	static final Path ROOT = FluxInfrastructure.projectRoot();

	/** An overlay of deploy/kubernetes/overlays rendered for a namespace. */
	static Manifests render(String overlay, String namespace) {
		try {
			Path output = Files.createTempDirectory("flux-kubernetes");
			Path log = output.resolve("flux.log");
			Process process = new ProcessBuilder("bash", ROOT.resolve("flux").toString(), "deploy", "kubernetes",
					"--dry-run", "--overlay", overlay, "--namespace", namespace, "--output", output.toString())
				.directory(ROOT.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				fail("./flux deploy kubernetes --dry-run took more than 2 minutes");
			}
			if (process.exitValue() != 0) {
				fail("./flux deploy kubernetes --dry-run --overlay " + overlay + " failed; it needs kubectl 1.27+ "
						+ "on the PATH (Debian: apt-get install kubectl where your sources have it, otherwise "
						+ "https://kubernetes.io/docs/tasks/tools/). Its output:\n" + Files.readString(log));
			}
			return parse(Files.readString(output.resolve(namespace + ".yaml"), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A YAML stream of objects. */
	@SuppressWarnings("unchecked")
	static Manifests parse(String yaml) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			if (document != null) {
				objects.add((Map<String, Object>) document);
			}
		}
		return new Manifests(List.copyOf(objects));
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream().filter((object) -> name.equals(nameOf(object))).findFirst();
	}

	Map<String, Object> get(String kind, String name) {
		return find(kind, name).orElseGet(() -> fail("No " + kind + " named " + name + " in the rendered manifests"));
	}

	/**
	 * A ConfigMap by the name it has in the sources (kustomize appends a hash of its
	 * content).
	 */
	Map<String, Object> configMap(String name) {
		return ofKind("ConfigMap").stream()
			.filter((object) -> nameOf(object).matches(Pattern.quote(name) + "-[a-z0-9]{10}"))
			.findFirst()
			.orElseGet(() -> fail("No ConfigMap generated from " + name));
	}

	static String nameOf(Map<String, Object> object) {
		return (String) Tree.at(object, "metadata", "name");
	}

	/** Small helpers to walk the maps and lists YAML is read into. */
	static final class Tree {

		private Tree() {
		}

		static @Nullable Object at(@Nullable Object node, Object... path) {
			Object current = node;
			for (Object step : path) {
				if (current instanceof Map<?, ?> map) {
					current = map.get(step);
				}
				else if (current instanceof List<?> list && step instanceof Integer index) {
					current = (index < list.size()) ? list.get(index) : null;
				}
				else {
					return null;
				}
			}
			return current;
		}

		@SuppressWarnings("unchecked")
		static Map<String, Object> map(@Nullable Object node) {
			return (node instanceof Map<?, ?>) ? (Map<String, Object>) node : Map.of();
		}

		@SuppressWarnings("unchecked")
		static List<Object> list(@Nullable Object node) {
			return (node instanceof List<?>) ? (List<Object>) node : List.of();
		}

	}

}
