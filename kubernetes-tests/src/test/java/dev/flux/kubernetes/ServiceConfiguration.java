package dev.flux.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

import dev.flux.kubernetes.Manifests.Tree;

/**
 * What a service's own application.yml says: the {@code FLUX_*} variables it reads, with
 * their defaults, and its settings.
 *
 * @param service the service's module name: {@code auth-service}
 * @param variables every {@code ${FLUX_X:default}} placeholder, by variable
 * @param settings the YAML tree
 */
record ServiceConfiguration(String service, Map<String, String> variables, Map<String, Object> settings) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

	static ServiceConfiguration of(String service) {
		Path file = Manifests.ROOT.resolve(service + "/src/main/resources/application.yml");
		try {
			String yaml = Files.readString(file);
			Map<String, String> variables = new TreeMap<>();
			Matcher matcher = PLACEHOLDER.matcher(yaml);
			while (matcher.find()) {
				variables.put(matcher.group(1), matcher.group(2));
			}
			return new ServiceConfiguration(service, variables, Tree.map(new Yaml().load(yaml)));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	/** The default of a variable the service reads; fails the test if it reads none. */
	String defaultOf(String variable) {
		String value = this.variables.get(variable);
		if (value == null) {
			throw new AssertionError(this.service + "'s application.yml reads no " + variable);
		}
		return value;
	}

	@Nullable Object setting(String... path) {
		return Tree.at(this.settings, (Object[]) path);
	}

}
