package dev.flux.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.kubernetes.Manifests.Tree;

/**
 * Checks objects against the Kubernetes API, read into the fabric8 kubernetes-model
 * types, and custom resources against the operators' CRD schemas
 * (src/test/resources/crds, see its README.md). A field the type or schema does not have
 * is a violation, as it is for {@code kubectl apply --validate=strict}.
 */
final class ApiSchemas {

	private static final Map<String, Class<?>> KUBERNETES_TYPES = Map.of("v1/ConfigMap", ConfigMap.class, "v1/Service",
			Service.class, "v1/ServiceAccount", ServiceAccount.class, "apps/v1/Deployment", Deployment.class,
			"policy/v1/PodDisruptionBudget", PodDisruptionBudget.class, "autoscaling/v2/HorizontalPodAutoscaler",
			HorizontalPodAutoscaler.class, "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

	private static final List<String> CRD_FILES = List.of("crds/rabbitmqclusters.yaml", "crds/topology.yaml",
			"crds/cnpg-clusters.yaml");

	private static final String KUBERNETES_TYPE = "x-flux-kubernetes-type";

	private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

	private static final String DNS_SUBDOMAIN = DNS_LABEL + "(\\." + DNS_LABEL + ")*";

	private static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?";

	private final ObjectMapper fabric8 = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Map<String, Object>> crdSchemas = new HashMap<>();

	private final Map<String, Schema> validators = new HashMap<>();

	ApiSchemas() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
		for (String file : CRD_FILES) {
			for (Map<String, Object> crd : load(file)) {
				String group = (String) Tree.at(crd, "spec", "group");
				String kind = (String) Tree.at(crd, "spec", "names", "kind");
				for (Object version : Tree.list(Tree.at(crd, "spec", "versions"))) {
					String key = group + "/" + Tree.at(version, "name") + "/" + kind;
					Map<String, Object> schema = Tree.map(Tree.at(version, "schema", "openAPIV3Schema"));
					this.crdSchemas.put(key, schema);
					this.validators.put(key, registry.getSchema(this.json.valueToTree(strict(schema))));
				}
			}
		}
	}

	/** What is wrong with an object, as "path: problem" lines; empty when nothing is. */
	List<String> violations(Map<String, Object> object) {
		String key = object.get("apiVersion") + "/" + object.get("kind");
		String where = object.get("kind") + " " + Manifests.nameOf(object);
		List<String> violations = new ArrayList<>();
		names(object, where, violations);
		Class<?> type = KUBERNETES_TYPES.get(key);
		if (type != null) {
			readAs(type, object, where, violations);
		}
		else if (this.validators.containsKey(key)) {
			this.validators.get(key)
				.validate(this.json.valueToTree(object))
				.forEach((error) -> violations
					.add(where + " " + error.getInstanceLocation() + ": " + error.getMessage()));
			embeddedKubernetesTypes(this.crdSchemas.get(key), object, where, violations);
		}
		else {
			violations.add(where + ": no schema for " + key + "; add the kind to ApiSchemas or its CRD to crds/");
		}
		return violations;
	}

	/**
	 * The API server's rules for names and labels: DNS subdomains (DNS labels for
	 * Services), label values of at most 63 characters.
	 */
	private static void names(Map<String, Object> object, String where, List<String> violations) {
		String name = String.valueOf(Tree.at(object, "metadata", "name"));
		boolean label = "Service".equals(object.get("kind"));
		if (!name.matches(label ? DNS_LABEL : DNS_SUBDOMAIN) || name.length() > (label ? 63 : 253)) {
			violations.add(where + ": metadata.name is not a valid " + (label ? "DNS label" : "DNS subdomain"));
		}
		Tree.map(Tree.at(object, "metadata", "labels")).forEach((key, value) -> {
			if (!String.valueOf(value).matches(LABEL_VALUE)) {
				violations.add(where + ": label " + key + " has an invalid value '" + value + "'");
			}
		});
	}

	private void readAs(Class<?> type, Object value, String where, List<String> violations) {
		try {
			unknownFields(this.fabric8.convertValue(value, type), where, violations);
		}
		catch (IllegalArgumentException ex) {
			violations.add(where + ": not a valid " + type.getSimpleName() + ": " + ex.getMessage());
		}
	}

	/**
	 * fabric8 keeps fields its types do not have in additionalProperties instead of
	 * failing: any found there is a field the Kubernetes API does not have.
	 */
	private static void unknownFields(@Nullable Object value, String path, List<String> violations) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> unknownFields(child, path + "." + key, violations));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				unknownFields(list.get(i), path + "[" + i + "]", violations);
			}
		}
		else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			for (Method getter : value.getClass().getMethods()) {
				if (getter.getParameterCount() > 0 || Modifier.isStatic(getter.getModifiers())
						|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
					continue;
				}
				Object child = invoke(getter, value);
				if (getter.getName().equals("getAdditionalProperties")) {
					if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
						violations.add(path + ": field(s) the Kubernetes API does not have: " + extra.keySet());
					}
				}
				else {
					String property = getter.getName().substring(3);
					unknownFields(child,
							path + "." + property.substring(0, 1).toLowerCase(Locale.ROOT) + property.substring(1),
							violations);
				}
			}
		}
	}

	/**
	 * Fields of a custom resource whose real schema is a Kubernetes type (affinity,
	 * resources) are read as that type.
	 */
	private void embeddedKubernetesTypes(@Nullable Object schema, @Nullable Object value, String path,
			List<String> violations) {
		Map<String, Object> node = Tree.map(schema);
		if (value == null) {
			return;
		}
		if (node.get(KUBERNETES_TYPE) instanceof String typeName) {
			try {
				readAs(Class.forName(typeName), value, path, violations);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException("No fabric8 type " + typeName, ex);
			}
			return;
		}
		Map<String, Object> properties = Tree.map(node.get("properties"));
		if (value instanceof Map<?, ?> map) {
			map.forEach(
					(key, child) -> embeddedKubernetesTypes(properties.get(key), child, path + "." + key, violations));
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				embeddedKubernetesTypes(node.get("items"), list.get(i), path + "[" + i + "]", violations);
			}
		}
	}

	/**
	 * The JSON Schema of a CRD's structural schema under strict validation: objects with
	 * listed properties take no other field, unless marked to keep unknown fields.
	 */
	@SuppressWarnings("unchecked")
	private static Object strict(Object schema) {
		if (schema instanceof List<?> list) {
			return list.stream().map(ApiSchemas::strict).toList();
		}
		if (!(schema instanceof Map<?, ?> map)) {
			return schema;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		((Map<String, Object>) map).forEach((key, value) -> {
			if (key.equals(KUBERNETES_TYPE)) {
				return;
			}
			if (key.equals("properties")) {
				Map<String, Object> properties = new LinkedHashMap<>();
				((Map<String, Object>) value).forEach((name, property) -> properties.put(name, strict(property)));
				result.put(key, properties);
			}
			else if (!key.startsWith("x-kubernetes-")) {
				result.put(key, strict(value));
			}
		});
		if (map.containsKey("properties") && !Boolean.TRUE.equals(map.get("x-kubernetes-preserve-unknown-fields"))) {
			result.put("additionalProperties", false);
		}
		return result;
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> load(String resource) {
		try (InputStream in = ApiSchemas.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No " + resource + " on the test classpath");
			}
			List<Map<String, Object>> documents = new ArrayList<>();
			new Yaml().loadAll(in).forEach((document) -> documents.add((Map<String, Object>) document));
			return documents;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
