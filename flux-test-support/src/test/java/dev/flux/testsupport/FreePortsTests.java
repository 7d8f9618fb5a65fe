package dev.flux.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ports tests start servers on stay out of the kernel's ephemeral range, where an
 * outgoing connection can take a picked port before the server binds it, and never
 * repeat.
 */
class FreePortsTests {

	@Test
	void portsAreDistinctAndBelowTheRangeTheKernelPicksLocalPortsFrom() throws Exception {
		int ephemeralLow = Integer.parseInt(
				Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);

		List<Integer> handed = new ArrayList<>();
		int block = FreePorts.block(21);
		for (int port = block; port < block + 21; port++) {
			handed.add(port);
		}
		for (int i = 0; i < 40; i++) {
			handed.add(FreePorts.next());
		}

		assertThat(handed).doesNotHaveDuplicates().allSatisfy((port) -> assertThat(port).isLessThan(ephemeralLow));
	}

}
