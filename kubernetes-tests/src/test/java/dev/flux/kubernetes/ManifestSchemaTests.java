package dev.flux.kubernetes;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.flux.kubernetes.Manifests.Tree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every object ./flux deploy kubernetes renders is one the Kubernetes API or its operator
 * accepts; there is no cluster here to ask, so the schemas are asked instead.
 */
class ManifestSchemaTests {

	private static final ApiSchemas SCHEMAS = new ApiSchemas();

	@ParameterizedTest(name = "overlay {0}")
	@ValueSource(strings = { "production", "external-postgres" })
	void everyObjectMatchesTheKubernetesApiOrItsOperatorsSchema(String overlay) {
		Manifests manifests = Manifests.render(overlay, "flux");

		assertThat(manifests.objects()).hasSizeGreaterThan(40);
		assertThat(manifests.objects()).flatMap(SCHEMAS::violations).isEmpty();
	}

	@Test
	void aFieldTheApiDoesNotHaveIsAViolation() {
		Manifests wrong = Manifests.parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: typo}
				spec:
				  replica: 2
				  selector: {matchLabels: {app: typo}}
				  template:
				    metadata: {labels: {app: typo}}
				    spec:
				      containers:
				        - name: typo
				          image: typo
				          readinessProbe: {httpGet: {path: /readyz, port: http}, periodSecond: 5}
				---
				apiVersion: rabbitmq.com/v1beta1
				kind: Queue
				metadata: {name: typo}
				spec: {name: typo, durabl: true, rabbitmqClusterReference: {name: flux-rabbitmq}}
				---
				apiVersion: rabbitmq.com/v1beta1
				kind: RabbitmqCluster
				metadata: {name: typo}
				spec:
				  replicas: three
				  affinity: {podAntiAffinity: {requiredDuringScheduling: []}}
				---
				apiVersion: postgresql.cnpg.io/v1
				kind: Cluster
				metadata: {name: typo}
				spec: {instances: 3, bootstrap: {initdb: {database: flux_user, secret: {}}}}
				---
				apiVersion: v1
				kind: Service
				metadata: {name: user.service, labels: {app: "-bad"}}
				spec: {ports: [{port: 80}]}
				---
				apiVersion: rabbitmq.com/v1beta1
				kind: Shovel
				metadata: {name: unknown}
				""");

		List<String> violations = wrong.objects()
			.stream()
			.flatMap((object) -> SCHEMAS.violations(object).stream())
			.toList();

		assertThat(violations).anySatisfy((line) -> assertThat(line).contains("Deployment typo").contains("replica"))
			.anySatisfy((line) -> assertThat(line).contains("periodSecond"))
			.anySatisfy((line) -> assertThat(line).contains("Queue typo").contains("durabl"))
			.anySatisfy((line) -> assertThat(line).contains("RabbitmqCluster typo").contains("/spec/replicas"))
			.anySatisfy((line) -> assertThat(line).contains("requiredDuringScheduling"))
			.anySatisfy((line) -> assertThat(line).contains("Cluster typo").contains("name"))
			.anySatisfy((line) -> assertThat(line).contains("Shovel unknown").contains("no schema"))
			.anySatisfy((line) -> assertThat(line).contains("Service user.service").contains("DNS label"))
			.anySatisfy((line) -> assertThat(line).contains("label app has an invalid value"));
	}

	@Test
	void namespaceOptionPutsEveryObjectInThatNamespace() {
		Manifests manifests = Manifests.render("production", "flux-staging");

		assertThat(manifests.objects())
			.allSatisfy((object) -> assertThat(Tree.at(object, "metadata", "namespace")).isEqualTo("flux-staging"));
	}

	@ParameterizedTest(name = "overlay {0}")
	@ValueSource(strings = { "production", "external-postgres" })
	void noSecretValueIsInTheManifests(String overlay) {
		Manifests manifests = Manifests.render(overlay, "flux");

		assertThat(manifests.ofKind("Secret")).isEmpty();
		for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
			assertThat(Tree.map(configMap.get("data")).keySet())
				.noneMatch((key) -> key.matches("(?i).*(password|secret|encryption-key|token).*"));
		}
		for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
			for (Object env : Tree.list(Tree.at(deployment, "spec", "template", "spec", "containers", 0, "env"))) {
				String name = (String) Tree.at(env, "name");
				if (name.matches(".*(PASSWORD|SECRET|_KEY|_USER)$")) {
					assertThat(Tree.at(env, "valueFrom", "secretKeyRef", "name"))
						.as("%s of %s comes from a Secret", name, Manifests.nameOf(deployment))
						.isNotNull();
				}
			}
		}
	}

}
