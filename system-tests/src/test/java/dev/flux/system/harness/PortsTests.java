package dev.flux.system.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's ports stay out of the kernel's ephemeral range, where an outgoing
 * connection can take a picked port before the service binds it, and never repeat.
 */
class PortsTests {

	@Test
	void portsAreDistinctAndBelowTheRangeTheKernelPicksLocalPortsFrom() throws Exception {
		int ephemeralLow = Integer.parseInt(
				Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
		FluxSystem.Ports ports = new FluxSystem.Ports(0, FluxSystem.Ports.belowEphemeralRange());

		List<Integer> handed = new ArrayList<>();
		int cluster = ports.block(21);
		for (int port = cluster; port < cluster + 21; port++) {
			handed.add(port);
		}
		for (int i = 0; i < 40; i++) {
			handed.add(ports.next());
		}

		assertThat(handed).doesNotHaveDuplicates().allSatisfy((port) -> assertThat(port).isLessThan(ephemeralLow));
	}

}
