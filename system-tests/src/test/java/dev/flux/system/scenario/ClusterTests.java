package dev.flux.system.scenario;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.RabbitCluster;
import dev.flux.system.harness.ServiceProcess;
import dev.flux.system.harness.SystemTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment the other system tests run on: two ready instances of every service, on
 * a three-node RabbitMQ cluster whose quorum queues are replicated on every node.
 */
@SystemTest
@Order(0)
class ClusterTests {

	private final FluxSystem system;

	ClusterTests(FluxSystem system) {
		this.system = system;
	}

	@Test
	void everyQuorumQueueHasAMemberOnEachNode() {
		for (String queue : List.of("user.service.queue.0", "notification.service.queue.3", "chat.service.queue.1",
				"user.service.queue.dlq", "notification.service.retry.5s")) {
			String members = this.system.cluster().membersOf(queue, 1);
			for (int node = 1; node <= RabbitCluster.NODES; node++) {
				assertThat(members).as(queue).contains(RabbitCluster.nodeName(node));
			}
		}
	}

	@Test
	void everyServiceRunsTwoReadyInstancesWithGatewaysOfTheirOwn() {
		assertThat(this.system.all()).allSatisfy((process) -> assertThat(process.ready()).as(process.name()).isTrue());
		assertThat(this.system.instances("notification-service"))
			.extracting((ServiceProcess process) -> process.environment().get("FLUX_GATEWAY_INSTANCE_ID"))
			.doesNotHaveDuplicates()
			.doesNotContainNull();
	}

}
