package dev.flux.notification.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.awaitility.core.ConditionTimeoutException;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;
import dev.flux.testsupport.FreePorts;

import static org.awaitility.Awaitility.await;

/**
 * {@code ./flux bench ws}: starts the notification-service jar as its own process on the
 * servers {@code ./flux} started, opens {@code CONNECTIONS} WebSockets to it (one user
 * each, identified in the handshake, each waiting for its snapshot), and reports
 * <ul>
 * <li>the service's resident memory per connection (VmRSS growth over a warmed-up
 * baseline),</li>
 * <li>fan-out latency: {@code profile.updated} events published to {@code app.events} at
 * a steady rate, each for one connected user, timed until that user's socket receives
 * it,</li>
 * <li>the raw RabbitMQ consumer rate on the same broker in the same run, for scale.</li>
 * </ul>
 */
public final class GatewayBenchmark {

	private static final int CONNECTIONS = Integer.getInteger("bench.connections", 10_000);

	private static final int RATE = Integer.getInteger("bench.rate", 1_000);

	private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));

	private static final Duration WARM_UP = Duration.ofSeconds(5);

	private static final int RAW_MESSAGES = 100_000;

	private static final EventCodec CODEC = EventCodec.standard();

	private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

	private final Map<UUID, Long> sentAt = new ConcurrentHashMap<>();

	private final AtomicLongArray latencyMicros = new AtomicLongArray(2_000_000);

	private final AtomicInteger latencies = new AtomicInteger();

	private GatewayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new GatewayBenchmark().run();
		System.exit(0);
	}

	private void run() throws Exception {
		Path root = projectRoot();
		JwksServer auth = JwksServer.start();
		TestTokens tokens = auth.newSigningKey();
		int port = FreePorts.next();
		Process service = BenchServices.start(root, "notification-service", port, auth, Arrays
			.asList(System.getProperty("bench.serviceOpts", "-Xmx1g -XX:+ExitOnOutOfMemoryError").split(" ")));
		try {
			BenchServices.awaitReady(this.http, port, service, "notification-service");
			System.out.println("Flux gateway benchmark  (" + Runtime.getRuntime().availableProcessors()
					+ " cores, service pid " + service.pid() + ", " + CONNECTIONS + " connections)");
			List<Client> warmUp = connect(port, tokens, 200, service);
			warmUp.forEach(Client::close);
			Thread.sleep(3000);
			long baseline = rssAfterGcKb(service.pid());

			long started = System.nanoTime();
			List<Client> clients = connect(port, tokens, CONNECTIONS, service);
			double connectSeconds = (System.nanoTime() - started) / 1e9;
			Thread.sleep(2000);
			long loadedBeforeGc = rssKb(service.pid());
			long loaded = rssAfterGcKb(service.pid());
			long open = clients.stream().filter(Client::open).count();
			double perConnection = (loaded - baseline) / (double) CONNECTIONS;
			System.out.printf(Locale.ROOT, "%-48s %8d of %d (%.1f s to connect and snapshot all)%n", "connections open",
					open, CONNECTIONS, connectSeconds);
			System.out.printf(Locale.ROOT, "%-48s %8d KB -> %d KB (%d KB before that GC)%n",
					"service RSS after a full GC (baseline -> loaded)", baseline, loaded, loadedBeforeGc);
			System.out.printf(Locale.ROOT, "%-48s %8.1f KB   (target <= 60 KB)%n", "RSS per connection", perConnection);

			try (Connection broker = broker()) {
				fanOut(broker, clients, WARM_UP);
				this.latencies.set(0);
				this.sentAt.clear();
				fanOut(broker, clients, LOAD);
				double raw = rawConsumerRate(broker);
				double p50 = percentile(0.50);
				double p99 = percentile(0.99);
				System.out.printf(Locale.ROOT, "%-48s %8d events at %d/s after %d s warm-up, %d received%n",
						"fan-out load", this.sentAt.size() + this.latencies.get(), RATE, WARM_UP.toSeconds(),
						this.latencies.get());
				System.out.printf(Locale.ROOT, "%-48s p50 %6.1f ms   p99 %6.1f ms   (target p99 <= 100 ms)%n",
						"fan-out latency (publish -> socket)", p50 / 1000, p99 / 1000);
				System.out.printf(Locale.ROOT, "%-48s %8.0f msg/s%n", "raw RabbitMQ consumer rate (same broker)", raw);
				System.out.printf(Locale.ROOT,
						"RESULT connections %d, RSS/connection %.1f KB, fan-out p50 %.1f ms p99 %.1f ms at %d/s, raw consumer %.0f msg/s: %s%n",
						open, perConnection, p50 / 1000, p99 / 1000, RATE, raw,
						(open == CONNECTIONS && perConnection <= 60 && p99 / 1000 <= 100) ? "targets met"
								: "targets NOT met");
			}
			clients.forEach(Client::abort);
		}
		finally {
			service.destroy();
			if (!service.waitFor(30, TimeUnit.SECONDS)) {
				service.destroyForcibly();
			}
			auth.close();
		}
	}

	/**
	 * Opens sockets, at most 64 handshakes at a time, each until its snapshot arrives.
	 */
	private List<Client> connect(int port, TestTokens tokens, int count, Process service) throws InterruptedException {
		List<Client> clients = new ArrayList<>(count);
		Semaphore inFlight = new Semaphore(64);
		CountDownLatch snapshots = new CountDownLatch(count);
		AtomicInteger failures = new AtomicInteger();
		for (int i = 0; i < count; i++) {
			while (!inFlight.tryAcquire(1, TimeUnit.SECONDS)) {
				if (!service.isAlive()) {
					throw new IllegalStateException("The service stopped; see .flux/bench-notification-service.log");
				}
			}
			UUID user = UUID.randomUUID();
			Client client = new Client(user, snapshots, inFlight);
			clients.add(client);
			this.http.newWebSocketBuilder()
				.header("Authorization", "Bearer " + tokens.accessToken(user, "USER"))
				.connectTimeout(Duration.ofSeconds(30))
				.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client)
				.whenComplete((socket, error) -> {
					if (error != null) {
						failures.incrementAndGet();
						inFlight.release();
						snapshots.countDown();
					}
				});
		}
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (!snapshots.await(1, TimeUnit.SECONDS)) {
			if (!service.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("Not every socket got its snapshot; service alive: " + service.isAlive()
						+ ", see .flux/bench-notification-service.log");
			}
		}
		if (failures.get() > 0) {
			System.out.println("  " + failures.get() + " handshakes failed");
		}
		return clients;
	}

	private void fanOut(Connection broker, List<Client> clients, Duration duration) throws Exception {
		List<Client> open = clients.stream().filter(Client::open).toList();
		Map<UUID, AtomicLong> versions = new ConcurrentHashMap<>();
		try (Channel channel = broker.createChannel()) {
			long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
			long total = duration.toSeconds() * RATE;
			long start = System.nanoTime();
			for (long i = 0; i < total; i++) {
				long due = start + i * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				Client target = open.get(ThreadLocalRandom.current().nextInt(open.size()));
				long version = versions.computeIfAbsent(target.user, (u) -> new AtomicLong()).incrementAndGet();
				UUID correlationId = UUID.randomUUID();
				EventEnvelope envelope = CODEC.envelope(
						new ProfileUpdated(target.user, Set.of("displayName"), "user " + version, null, null, null),
						UUID.randomUUID(), Instant.now(), "user-service", target.user.toString(), version,
						correlationId, null);
				this.sentAt.put(correlationId, System.nanoTime());
				channel.basicPublish(FluxTopology.EVENTS_EXCHANGE, envelope.type(), properties(envelope),
						CODEC.toJson(envelope));
			}
		}
		try {
			await().atMost(Duration.ofSeconds(30)).until(this.sentAt::isEmpty);
		}
		catch (ConditionTimeoutException ex) {
			System.out.println("  " + this.sentAt.size() + " events not received within 30 s");
		}
	}

	/**
	 * Publishes a backlog to a queue of its own and drains it with one plain consumer.
	 */
	static double rawConsumerRate(Connection broker) throws Exception {
		byte[] body = new byte[400];
		Arrays.fill(body, (byte) 'x');
		try (Channel channel = broker.createChannel()) {
			String queue = channel.queueDeclare("bench.raw." + UUID.randomUUID(), false, true, true, null).getQueue();
			channel.confirmSelect();
			for (int i = 0; i < RAW_MESSAGES; i++) {
				channel.basicPublish("", queue, null, body);
				if (i % 1000 == 999) {
					channel.waitForConfirmsOrDie(30_000);
				}
			}
			channel.waitForConfirmsOrDie(30_000);
			CountDownLatch done = new CountDownLatch(RAW_MESSAGES);
			channel.basicQos(500);
			long start = System.nanoTime();
			channel.basicConsume(queue, true, new DefaultConsumer(channel) {
				@Override
				public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
						byte[] message) {
					done.countDown();
				}
			});
			done.await(2, TimeUnit.MINUTES);
			return RAW_MESSAGES / ((System.nanoTime() - start) / 1e9);
		}
	}

	private static AMQP.BasicProperties properties(EventEnvelope envelope) {
		return new AMQP.BasicProperties.Builder().messageId(envelope.eventId().toString())
			.type(envelope.type())
			.correlationId(envelope.correlationId().toString())
			.contentType("application/json")
			.deliveryMode(2)
			.build();
	}

	static Connection broker() throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(System.getenv().getOrDefault("FLUX_RABBITMQ_HOST", "localhost"));
		factory.setPort(Integer.parseInt(System.getenv().getOrDefault("FLUX_RABBITMQ_PORT", "5672")));
		factory.setVirtualHost(FluxTopology.VHOST);
		factory.setUsername("flux-admin");
		factory.setPassword("flux-admin");
		return factory.newConnection("gateway-benchmark");
	}

	private double percentile(double p) {
		int n = this.latencies.get();
		if (n == 0) {
			return Double.NaN;
		}
		long[] values = new long[n];
		for (int i = 0; i < n; i++) {
			values[i] = this.latencyMicros.get(i);
		}
		Arrays.sort(values);
		return values[Math.min(n - 1, (int) Math.ceil(p * n) - 1)];
	}

	private void received(String text) {
		int at = text.indexOf("\"correlationId\":\"");
		if (at < 0 || !text.startsWith("{\"type\":\"profile.updated\"")) {
			return;
		}
		UUID correlationId = UUID.fromString(text.substring(at + 17, at + 53));
		Long sent = this.sentAt.remove(correlationId);
		if (sent != null) {
			int index = this.latencies.getAndIncrement();
			if (index < this.latencyMicros.length()) {
				this.latencyMicros.set(index, (System.nanoTime() - sent) / 1000);
			}
		}
	}

	/**
	 * Resident memory after a full GC ({@code jcmd GC.run}), so the figure is what the
	 * connections hold rather than garbage waiting for the next collection.
	 */
	private static long rssAfterGcKb(long pid) throws Exception {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor(60, TimeUnit.SECONDS);
		Thread.sleep(1000);
		return rssKb(pid);
	}

	private static long rssKb(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.UTF_8)) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		throw new IllegalStateException("No VmRSS for " + pid);
	}

	static Path projectRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("flux"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Run from inside the Flux checkout");
		}
		return dir;
	}

	/** One user's socket: counts its snapshot, times the events it receives. */
	private final class Client implements WebSocket.Listener {

		private final UUID user;

		private final CountDownLatch snapshots;

		private final Semaphore inFlight;

		private final StringBuilder partial = new StringBuilder();

		private volatile WebSocket socket;

		private volatile boolean snapshot;

		Client(UUID user, CountDownLatch snapshots, Semaphore inFlight) {
			this.user = user;
			this.snapshots = snapshots;
			this.inFlight = inFlight;
		}

		boolean open() {
			return this.snapshot && this.socket != null && !this.socket.isInputClosed();
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			this.socket = webSocket;
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				if (!this.snapshot && text.startsWith("{\"type\":\"snapshot\"")) {
					this.snapshot = true;
					this.inFlight.release();
					this.snapshots.countDown();
				}
				else {
					received(text);
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			if (!this.snapshot) {
				this.snapshot = true;
				this.inFlight.release();
				this.snapshots.countDown();
			}
			return CompletableFuture.completedFuture(null);
		}

		void close() {
			if (this.socket != null) {
				this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
			}
		}

		void abort() {
			if (this.socket != null) {
				this.socket.abort();
			}
		}

	}

}
