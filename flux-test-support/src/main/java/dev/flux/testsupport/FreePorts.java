package dev.flux.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers tests and benches start: free when picked, below the kernel's
 * ephemeral range, and never handed out twice in one JVM. A port from
 * {@code new ServerSocket(0)} comes from the ephemeral range, where the kernel also picks
 * the local end of every outgoing connection: between the pick and the server's bind, a
 * client socket took one once in CI, and an instance failed to start.
 */
public final class FreePorts {

	private static final int LOWEST = 20000;

	private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final int HIGHEST = belowEphemeralRange();

	private static final Set<Integer> handedOut = new HashSet<>();

	private FreePorts() {
	}

	/** A free port. */
	public static int next() {
		return block(1);
	}

	/** The first of {@code size} consecutive free ports. */
	public static synchronized int block(int size) {
		for (int attempt = 0; attempt < 100; attempt++) {
			int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - size + 2);
			if (unused(first, size)) {
				for (int port = first; port < first + size; port++) {
					handedOut.add(port);
				}
				return first;
			}
		}
		throw new IllegalStateException(
				"Found no " + size + " consecutive free ports between " + LOWEST + " and " + HIGHEST);
	}

	/**
	 * The highest port the kernel never picks for an outgoing connection. Read by line:
	 * {@code Files.readString} returns only the first byte of this file here.
	 */
	private static int belowEphemeralRange() {
		try {
			String first = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0];
			return Math.max(LOWEST + 1000, Integer.parseInt(first) - 1);
		}
		catch (IOException | RuntimeException ex) {
			return 32767; // Linux's default range starts at 32768; IANA's at 49152
		}
	}

	private static boolean unused(int first, int size) {
		for (int port = first; port < first + size; port++) {
			if (handedOut.contains(port)) {
				return false;
			}
			try {
				new ServerSocket(port).close();
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

}
