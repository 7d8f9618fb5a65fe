package dev.flux.system.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.util.FileSystemUtils;

/**
 * The three-node RabbitMQ cluster of {@code tools/rabbitmq-cluster}, the script
 * {@code ./flux up --cluster} uses too: started once, nodes killed, frozen and restarted
 * by the fault tests.
 */
public final class RabbitCluster implements AutoCloseable {

	/** Nodes in the cluster. */
	public static final int NODES = 3;

	private final Path script;

	private final Path directory;

	private final int basePort;

	private RabbitCluster(Path script, Path directory, int basePort) {
		this.script = script;
		this.directory = directory;
		this.basePort = basePort;
	}

	/** Starts a fresh cluster in {@code directory}, AMQP on basePort..basePort+2. */
	static RabbitCluster start(Path root, Path directory, int basePort) {
		RabbitCluster cluster = new RabbitCluster(root.resolve("tools/rabbitmq-cluster"), directory, basePort);
		cluster.run(List.of("start", directory.toString(), Integer.toString(basePort)));
		return cluster;
	}

	/** Stops a cluster an earlier run left running, and deletes its data. */
	static void stopAndWipe(Path root, Path directory) {
		if (Files.isRegularFile(directory.resolve("base-port"))) {
			new RabbitCluster(root.resolve("tools/rabbitmq-cluster"), directory, 0).close();
		}
		FileSystemUtils.deleteRecursively(directory.toFile());
	}

	/** The AMQP port of node n (1-based). */
	public int amqpPort(int node) {
		return this.basePort + node - 1;
	}

	/** {@code spring.rabbitmq.addresses} for the whole cluster. */
	public String addresses() {
		return IntStream.rangeClosed(1, NODES)
			.mapToObj((node) -> "127.0.0.1:" + amqpPort(node))
			.collect(Collectors.joining(","));
	}

	/** The Erlang node name of node n, {@code flux-c2@localhost}. */
	public static String nodeName(int node) {
		return "flux-c" + node + "@localhost";
	}

	/** The OS process of node n. */
	public long pid(int node) {
		return Long.parseLong(run(List.of("pid", this.directory.toString(), Integer.toString(node))).strip());
	}

	/** Kills node n with SIGKILL. */
	public void kill(int node) {
		Signals.send("KILL", pid(node));
	}

	/** Freezes node n (SIGSTOP). */
	public void freeze(int node) {
		Signals.send("STOP", pid(node));
	}

	/** Thaws node n (SIGCONT). */
	public void resume(int node) {
		Signals.send("CONT", pid(node));
	}

	/** Starts node n again and waits until it runs; it rejoins the cluster. */
	public void startNode(int node) {
		run(List.of("start-node", this.directory.toString(), Integer.toString(node)));
	}

	/** rabbitmqctl against node n, its output. */
	public String ctl(int node, String... arguments) {
		List<String> command = new ArrayList<>(List.of("ctl", this.directory.toString(), Integer.toString(node)));
		command.addAll(List.of(arguments));
		return run(command);
	}

	/**
	 * The node (1-based) leading a quorum queue of vhost flux, asked of node {@code via}.
	 */
	public int leaderOf(String queue, int via) {
		for (String line : ctl(via, "list_queues", "-p", "flux", "name", "leader", "--no-table-headers").split("\n")) {
			String[] columns = line.strip().split("\\s+");
			if (columns.length == 2 && columns[0].equals(queue)) {
				return Integer.parseInt(columns[1].substring("flux-c".length(), columns[1].indexOf('@')));
			}
		}
		throw new IllegalStateException("No quorum queue " + queue + " on the cluster");
	}

	/** The nodes holding a member of a quorum queue, as rabbitmqctl lists them. */
	public String membersOf(String queue, int via) {
		for (String line : ctl(via, "list_queues", "-p", "flux", "name", "members", "--no-table-headers").split("\n")) {
			if (line.strip().startsWith(queue + " ") || line.strip().startsWith(queue + "\t")) {
				return line.strip().substring(queue.length()).strip();
			}
		}
		throw new IllegalStateException("No quorum queue " + queue + " on the cluster");
	}

	@Override
	public void close() {
		run(List.of("stop", this.directory.toString()));
	}

	private String run(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(this.script.toString());
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(String.join(" ", command) + " could not run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
