package dev.flux.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.jspecify.annotations.Nullable;

import dev.flux.testsupport.Http;

import static org.awaitility.Awaitility.await;

/**
 * One instance of a service, running its executable jar as an OS process: started,
 * awaited until ready, killed with -9, frozen with SIGSTOP and thawed, restarted. Its
 * output goes to {@code target/system-tests/<instance>.log}; a start that fails throws
 * with the tail of that log.
 */
public final class ServiceProcess {

	private static final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path jar;

	private final List<String> javaOptions;

	private final Map<String, String> environment;

	private final int port;

	private final Path log;

	private @Nullable Process process;

	private Duration lastStartTime = Duration.ZERO;

	private int kills;

	ServiceProcess(String name, Path jar, List<String> javaOptions, Map<String, String> environment, int port,
			Path log) {
		this.name = name;
		this.jar = jar;
		this.javaOptions = List.copyOf(javaOptions);
		this.environment = Map.copyOf(environment);
		this.port = port;
		this.log = log;
	}

	/** The instance's name, {@code auth-service-1}. */
	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	/** A JSON client for this instance. */
	public Http http() {
		return new Http(this.port);
	}

	/** The variables the process was started with (its instance id, say). */
	public Map<String, String> environment() {
		return this.environment;
	}

	/** Starts the process; {@link #awaitReady()} waits for it to serve. */
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is already running");
		}
		awaitPortFree();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.javaOptions);
		command.add("-jar");
		command.add(this.jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.environment);
		try {
			Files.writeString(this.log,
					"---- " + Instant.now() + " starting " + this.name + " on port " + this.port + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
	}

	/**
	 * Waits until the instance's port can be bound. A killed instance's port is free at
	 * once for a server, but any outgoing connection on the machine may take it as its
	 * ephemeral port meanwhile (harness ports often lie in the kernel's ephemeral range):
	 * the restarted instance would then fail to listen.
	 */
	private void awaitPortFree() {
		await(this.name + "'s port " + this.port + " free").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(this::portFree);
	}

	private boolean portFree() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(this.port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Waits until the instance answers its readiness probe with 200; fails with the tail
	 * of its log when the process ends or the time is up.
	 */
	public void awaitReady(Duration timeout) {
		long started = System.nanoTime();
		Process current = requireProcess();
		try {
			await(this.name + " ready").atMost(timeout)
				.pollInterval(Duration.ofMillis(250))
				.failFast(this.name + " stopped while starting", () -> !current.isAlive())
				.until(this::ready);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new AssertionError(ex.getMessage() + " (within " + timeout.toSeconds() + " s); the end of " + this.log
					+ ":\n" + logTail(60), ex);
		}
		this.lastStartTime = Duration.ofNanos(System.nanoTime() - started);
	}

	/** How many times {@link #kill()} killed the process. */
	public synchronized int kills() {
		return this.kills;
	}

	/** How long the last {@link #awaitReady} waited. */
	public Duration lastStartTime() {
		return this.lastStartTime;
	}

	/** Whether the readiness probe answers 200 now. */
	public boolean ready() {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/readyz"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return probe.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public boolean alive() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	public long pid() {
		return requireProcess().pid();
	}

	/** Kills the process with SIGKILL: no shutdown hook, no graceful stop. */
	public synchronized void kill() {
		Process current = this.process;
		if (current != null && current.isAlive()) {
			resume();
			this.kills++;
			current.destroyForcibly();
			waitFor(current, Duration.ofSeconds(30));
		}
	}

	/**
	 * Stops the process with SIGTERM (Spring's graceful shutdown), SIGKILL after 30 s.
	 */
	public synchronized void stop() {
		Process current = this.process;
		if (current != null && current.isAlive()) {
			resume();
			current.destroy();
			if (!waitFor(current, Duration.ofSeconds(30))) {
				current.destroyForcibly();
				waitFor(current, Duration.ofSeconds(10));
			}
		}
	}

	/** Freezes the process (SIGSTOP): it holds its sockets and locks but does nothing. */
	public void freeze() {
		Signals.send("STOP", pid());
	}

	/** Thaws a frozen process (SIGCONT). */
	public void resume() {
		Process current = this.process;
		if (current != null && current.isAlive()) {
			Signals.send("CONT", current.pid());
		}
	}

	/** Kills the process (-9), starts it again and waits until it is ready. */
	public void restart(Duration timeout) {
		kill();
		start();
		awaitReady(timeout);
	}

	/** The last lines of the instance's log. */
	public String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** The whole log of this instance, every start included. */
	public String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Process requireProcess() {
		Process current = this.process;
		if (current == null) {
			throw new IllegalStateException(this.name + " was never started");
		}
		return current;
	}

	private static boolean waitFor(Process process, Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public String toString() {
		return this.name + " (:" + this.port + ")";
	}

}
