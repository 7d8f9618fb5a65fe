package dev.flux.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.FluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Messaging Topology Operator's resources come from the same topology the services
 * declare and definitions.json is rendered from; when FluxTopology changes, this fails
 * until topology.yaml is regenerated (see {@link TopologyResources}'s header line).
 */
class TopologyResourcesTests {

	static final Path FILE = FluxInfrastructure.projectRoot().resolve("deploy/kubernetes/base/rabbitmq/topology.yaml");

	@Test
	void topologyResourcesAreRenderedFromTheTopology() throws IOException {
		String rendered = TopologyResources.render(FluxTopology.standard(FluxTopology.DEFAULT_RETRY_TIERS));
		if (Boolean.getBoolean("flux.writeManifests")) {
			Files.writeString(FILE, rendered);
		}

		assertThat(Files.readString(FILE))
			.as("deploy/kubernetes/base/rabbitmq/topology.yaml is out of date with FluxTopology; regenerate it "
					+ "with the command in its first lines")
			.isEqualTo(rendered);
	}

	@Test
	void resourceNamesAreValidKubernetesNames() {
		assertThat(TopologyResources.dnsName("user.service.queue.from.app.events.presence.*"))
			.isEqualTo("user.service.queue.from.app.events.presence.star");
		assertThat(TopologyResources.dnsName("notification.service.queue.from.app.events.user.password_changed"))
			.isEqualTo("notification.service.queue.from.app.events.user.password-changed");
	}

}
