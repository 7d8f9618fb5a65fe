package dev.flux.notification.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;
import dev.flux.testsupport.FreePorts;

/**
 * {@code ./flux bench chat}: chat-service and the gateway (notification-service) as
 * processes on the servers {@code ./flux} started, a server of {@code bench.members}
 * members, and in one run:
 * <ol>
 * <li>message sends per second over HTTP against {@code /livez} of the same service, same
 * closed-loop clients, rounds alternating;</li>
 * <li>send-to-delivery latency of every (message, member) pair with every member's socket
 * open, at 25% of the lower of the send saturation (step 1) and the delivery saturation
 * (a burst timed until every member has every message), beside the raw RabbitMQ consumer
 * rate;</li>
 * <li>history pages of 50 at random points of a channel of {@code bench.history} messages
 * (seeded by SQL with the service's own ids) against the same SQL over JDBC,
 * alternating;</li>
 * <li>a DM round trip: one user sends, the other's socket receives, at 25% of the DM send
 * saturation.</li>
 * </ol>
 * Figures are printed beside their baselines and targets and written to
 * {@code .flux/bench/chat.json}.
 */
public final class ChatBenchmark implements MemberSocket.Deliveries {

	private static final int MEMBERS = Integer.getInteger("bench.members", 1_000);

	private static final int HISTORY = Integer.getInteger("bench.history", 1_000_000);

	private static final int CLIENTS = Integer.getInteger("bench.clients", 8);

	private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("bench.round", 5));

	private static final int ROUNDS = 3;

	private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));

	private static final Duration WARM_UP = Duration.ofSeconds(3);

	private static final int PAGES = Integer.getInteger("bench.pages", 2_000);

	/**
	 * Pages of each kind before the measured ones. The page's code is new to the service
	 * after the sends: with 200, the first seconds of the measured pages were its JIT
	 * compilation (two thirds of the slowest 1% fell in them, at half the later rate).
	 */
	private static final int WARM_UP_PAGES = Integer.getInteger("bench.warmupPages", 2_000);

	/**
	 * chat-service's Snowflake layout: 41 bits of milliseconds, 10 of worker, 12 of
	 * sequence.
	 */
	private static final int TIME_SHIFT = 22;

	/**
	 * The statement of chat-service's MessageRows.before, the baseline of a history page:
	 * the page with each message's author from the projection.
	 */
	private static final String PAGE_SQL = "select m.channel_id, m.id, m.author_id, m.content, m.reply_to, "
			+ "m.mention_users, m.mention_roles, m.mention_everyone, m.nonce, m.version, m.edited_at, "
			+ "u.user_id, u.username, u.display_name, u.avatar_url, u.deleted "
			+ "from messages m left join chat_users u on u.user_id = m.author_id "
			+ "where m.channel_id = ? and m.id < ? order by m.id desc limit ?";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private final HttpClient socketClient = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

	private final AtomicLong nonces = new AtomicLong();

	private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

	private final Set<Integer> probeReceivers = ConcurrentHashMap.newKeySet();

	private final AtomicLong delivered = new AtomicLong();

	private final AtomicLong lastDelivery = new AtomicLong();

	private volatile Latencies latencies = new Latencies();

	/**
	 * Only deliveries to this member count (the DM's recipient), or -1 for everyone's.
	 */
	private volatile int onlyMember = -1;

	/** How many sends of the last open loop the service took. */
	private volatile long lastOpenLoopSent;

	private final List<UUID> members = new ArrayList<>();

	private final List<String> tokens = new ArrayList<>();

	private final List<MemberSocket> sockets = new ArrayList<>();

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private String base = "";

	private ChatBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new ChatBenchmark().run();
		System.exit(0);
	}

	private void run() throws Exception {
		Path root = GatewayBenchmark.projectRoot();
		String uptimeStart = uptime();
		JwksServer auth = JwksServer.start();
		TestTokens signer = auth.newSigningKey();
		int chatPort = FreePorts.next();
		int gatewayPort = FreePorts.next();
		Process chat = start(root, "chat-service", chatPort, auth, "-Xmx512m -XX:+ExitOnOutOfMemoryError");
		Process gateway = start(root, "notification-service", gatewayPort, auth, "-Xmx1g -XX:+ExitOnOutOfMemoryError");
		this.base = "http://127.0.0.1:" + chatPort;
		try (Connection db = database()) {
			BenchServices.awaitReady(this.http, chatPort, chat, "chat-service");
			BenchServices.awaitReady(this.http, gatewayPort, gateway, "notification-service");
			System.out.printf(Locale.ROOT,
					"Flux chat benchmark  (%d cores, %d members, %d history messages, %d closed-loop clients; "
							+ "chat-service pid %d, gateway pid %d)%nuptime at start: %s%n",
					Runtime.getRuntime().availableProcessors(), MEMBERS, HISTORY, CLIENTS, chat.pid(), gateway.pid(),
					uptimeStart);
			this.figures.put("uptimeStart", uptimeStart);
			this.figures.put("cores", Runtime.getRuntime().availableProcessors());
			this.figures.put("members", MEMBERS);
			this.figures.put("historyMessages", HISTORY);
			this.figures.put("clients", CLIENTS);
			seedUsers(db, signer);
			JsonNode server = call("POST", "/api/servers", 0, "{\"name\":\"bench\"}", 201);
			String serverId = server.get("server").get("id").asString();
			String general = server.get("channels").get(0).get("id").asString();
			join(general);

			double sendRate = sends(general);
			history(db, serverId);
			connect(gatewayPort, gateway);
			probe(general, 0, MEMBERS);
			delivery(general, sendRate);
			directMessages();

			String uptimeEnd = uptime();
			this.figures.put("uptimeEnd", uptimeEnd);
			System.out.println("uptime at end:   " + uptimeEnd);
			Path out = root.resolve(".flux/bench/chat.json");
			Files.createDirectories(out.getParent());
			Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this.figures) + "\n",
					StandardCharsets.UTF_8);
			System.out.println("figures written to " + root.relativize(out));
		}
		finally {
			this.sockets.forEach(MemberSocket::abort);
			stop(gateway);
			stop(chat);
			auth.close();
		}
	}

	// ------------------------------------------------------------------ set-up

	/**
	 * Members as chat-service's projection holds them after {@code user.created}, written
	 * directly: the bench measures chat, not sign-up.
	 */
	private void seedUsers(Connection db, TestTokens signer) throws Exception {
		Instant expiry = Instant.now().plus(Duration.ofHours(2));
		try (PreparedStatement insert = db.prepareStatement("insert into chat_users (user_id, username, display_name, "
				+ "account_version, updated_at) values (?, ?, ?, 1, ?)")) {
			for (int i = 0; i < MEMBERS; i++) {
				UUID id = UUID.randomUUID();
				this.members.add(id);
				this.tokens.add(signer.token().subject(id.toString()).expiresAt(expiry).sign());
				insert.setObject(1, id);
				insert.setString(2, "bench_" + i);
				insert.setString(3, "Bench member " + i);
				insert.setTimestamp(4, Timestamp.from(Instant.now()));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	/** Everyone but the owner joins through one invite, {@link #CLIENTS} at a time. */
	private void join(String channelId) throws Exception {
		String code = call("POST", "/api/channels/" + channelId + "/invites", 0, "{\"maxAge\":0,\"maxUses\":0}", 201)
			.get("code")
			.asString();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<JsonNode>> joins = new ArrayList<>();
			for (int i = 1; i < MEMBERS; i++) {
				int member = i;
				joins.add(pool.submit(() -> call("POST", "/api/invites/" + code, member, null, 200)));
			}
			for (Future<JsonNode> join : joins) {
				join.get();
			}
		}
		finally {
			pool.shutdown();
		}
		System.out.printf(Locale.ROOT, "%-52s %d in %.1f s%n", "members joined through one invite", MEMBERS - 1,
				(System.nanoTime() - started) / 1e9);
	}

	private void connect(int port, Process gateway) throws InterruptedException {
		CountDownLatch snapshots = new CountDownLatch(MEMBERS);
		long started = System.nanoTime();
		// At most 64 handshakes in flight, as the ws bench: an unbounded storm of 1,000
		// times out the gateway's database pool (each handshake reads a snapshot).
		Semaphore handshakes = new Semaphore(64);
		for (int i = 0; i < MEMBERS; i++) {
			while (!handshakes.tryAcquire(1, TimeUnit.SECONDS)) {
				if (!gateway.isAlive()) {
					throw new IllegalStateException("The gateway stopped; see .flux/bench-notification-service.log");
				}
			}
			MemberSocket socket = new MemberSocket(i, this, snapshots, handshakes);
			this.sockets.add(socket);
			this.socketClient.newWebSocketBuilder()
				.header("Authorization", "Bearer " + this.tokens.get(i))
				.connectTimeout(Duration.ofSeconds(30))
				.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), socket)
				.whenComplete((ws, error) -> {
					if (error != null) {
						socket.failed();
					}
				});
		}
		if (!snapshots.await(5, TimeUnit.MINUTES) || !gateway.isAlive()) {
			throw new IllegalStateException(
					"Not every socket got its snapshot; see .flux/bench-notification-service.log");
		}
		long open = this.sockets.stream().filter(MemberSocket::open).count();
		System.out.printf(Locale.ROOT, "%-52s %d of %d in %.1f s%n", "member sockets open with their snapshot", open,
				MEMBERS, (System.nanoTime() - started) / 1e9);
		if (open < MEMBERS) {
			throw new IllegalStateException((MEMBERS - open) + " sockets did not open");
		}
	}

	/**
	 * Sends a message and waits until {@code expected} sockets received it, again every 5
	 * s until the gateway's projection has caught up with the joins.
	 */
	private void probe(String channelId, int sender, int expected) throws Exception {
		for (int attempt = 0; attempt < 24; attempt++) {
			this.probeReceivers.clear();
			send(channelId, sender, "probe-" + this.nonces.incrementAndGet(), 201);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (System.nanoTime() < deadline) {
				if (this.probeReceivers.size() >= expected) {
					return;
				}
				TimeUnit.MILLISECONDS.sleep(50);
			}
		}
		throw new IllegalStateException("Only " + this.probeReceivers.size() + " of " + expected
				+ " sockets received a message within two minutes");
	}

	// ------------------------------------------------------------------ 1. sends against
	// /livez

	private double sends(String channelId) throws Exception {
		IntFunction<HttpRequest> livez = (i) -> HttpRequest.newBuilder(URI.create(this.base + "/livez")).build();
		IntFunction<HttpRequest> send = (i) -> sendRequest(channelId, ThreadLocalRandom.current().nextInt(MEMBERS),
				"w" + this.nonces.incrementAndGet());
		closedLoop(livez, WARM_UP, 200);
		closedLoop(send, WARM_UP, 201);
		List<Load> livezRounds = new ArrayList<>();
		List<Load> sendRounds = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			livezRounds.add(closedLoop(livez, ROUND, 200));
			sendRounds.add(closedLoop(send, ROUND, 201));
		}
		Load livezLoad = Load.merge(livezRounds);
		Load sendLoad = Load.merge(sendRounds);
		double ratio = sendLoad.rate() / livezLoad.rate();
		System.out.printf(Locale.ROOT, "%-52s %8.0f /s  p50 %5.1f ms  p99 %5.1f ms  errors %d%n",
				"GET /livez (baseline)", livezLoad.rate(), livezLoad.latencies().percentileMs(0.5),
				livezLoad.latencies().percentileMs(0.99), livezLoad.errors());
		System.out.printf(Locale.ROOT, "%-52s %8.0f /s  p50 %5.1f ms  p99 %5.1f ms  errors %d%n",
				"POST /api/channels/{id}/messages (token)", sendLoad.rate(), sendLoad.latencies().percentileMs(0.5),
				sendLoad.latencies().percentileMs(0.99), sendLoad.errors());
		System.out.printf(Locale.ROOT, "%-52s %7.0f%%   (target >= 40%%: %s)   uptime %s%n", "sends / livez",
				ratio * 100, (ratio >= 0.4) ? "met" : "NOT met", uptime());
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("sendsPerSecond", round(sendLoad.rate()));
		figures.put("sendP50Ms", sendLoad.latencies().percentileMs(0.5));
		figures.put("sendP99Ms", sendLoad.latencies().percentileMs(0.99));
		figures.put("livezPerSecond", round(livezLoad.rate()));
		figures.put("ratio", round(ratio * 100) / 100);
		figures.put("target", 0.4);
		figures.put("errors", sendLoad.errors() + livezLoad.errors());
		figures.put("uptime", uptime());
		this.figures.put("sends", figures);
		return sendLoad.rate();
	}

	// ------------------------------------------------------------------ 2. delivery to
	// every member

	private void delivery(String channelId, double sendRate) throws Exception {
		// Delivery saturation: a burst sent as fast as the clients can, timed until every
		// member has every message.
		int burst = Math.max(50, Math.min(500, 200_000 / MEMBERS));
		this.latencies = new Latencies();
		this.delivered.set(0);
		long started = System.nanoTime();
		closedLoopCount(burst, (i) -> {
			String nonce = "x" + this.nonces.incrementAndGet();
			this.sentAt.put(nonce, System.nanoTime());
			return sendRequest(channelId, ThreadLocalRandom.current().nextInt(MEMBERS), nonce);
		});
		long expected = (long) burst * MEMBERS;
		awaitDeliveries(expected, Duration.ofMinutes(2));
		double seconds = (this.lastDelivery.get() - started) / 1e9;
		double deliverySaturation = burst / seconds;
		System.out.printf(Locale.ROOT, "%-52s %8.1f msg/s (%d messages, %.0f deliveries/s, %d of %d delivered)%n",
				"delivery saturation (burst to every member)", deliverySaturation, burst,
				this.delivered.get() / seconds, this.delivered.get(), expected);
		this.sentAt.clear();

		boolean bySends = sendRate <= deliverySaturation;
		double rate = 0.25 * Math.min(sendRate, deliverySaturation);
		String basis = bySends ? "send saturation (the lower of the two)"
				: "delivery saturation (the lower of the two)";
		IntFunction<String> nonce = (k) -> "s" + this.nonces.incrementAndGet();
		openLoop(channelId, -1, rate, WARM_UP, nonce);
		Latencies measured = openLoop(channelId, -1, rate, LOAD, nonce);
		long sent = this.lastOpenLoopSent;
		long expectedDeliveries = sent * MEMBERS;
		awaitDeliveries(expectedDeliveries, Duration.ofSeconds(30));
		long lost = expectedDeliveries - this.delivered.get();
		String uptime = uptime();
		System.out.printf(Locale.ROOT, "%-52s %8.1f msg/s for %d s = 25%% of the %s%n", "delivery load", rate,
				LOAD.toSeconds(), basis);
		System.out.printf(Locale.ROOT,
				"%-52s p50 %5.1f ms  p99 %5.1f ms  (target p99 <= 100 ms: %s) over %d deliveries, %d missing%n",
				"send -> every member's socket", measured.percentileMs(0.5), measured.percentileMs(0.99),
				(measured.percentileMs(0.99) <= 100 && lost == 0) ? "met" : "NOT met", measured.count(), lost);
		this.sentAt.clear();
		double raw;
		try (com.rabbitmq.client.Connection broker = GatewayBenchmark.broker()) {
			raw = GatewayBenchmark.rawConsumerRate(broker);
		}
		System.out.printf(Locale.ROOT, "%-52s %8.0f msg/s   uptime %s%n", "raw RabbitMQ consumer rate (same broker)",
				raw, uptime);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("ratePerSecond", round(rate));
		figures.put("rateBasis", bySends ? "send saturation" : "delivery saturation");
		figures.put("sendSaturationPerSecond", round(sendRate));
		figures.put("deliverySaturationPerSecond", round(deliverySaturation));
		figures.put("messages", sent);
		figures.put("deliveries", measured.count());
		figures.put("lost", lost);
		figures.put("p50Ms", measured.percentileMs(0.5));
		figures.put("p99Ms", measured.percentileMs(0.99));
		figures.put("targetP99Ms", 100);
		figures.put("rawRabbitConsumerPerSecond", round(raw));
		figures.put("uptime", uptime);
		this.figures.put("delivery", figures);
	}

	private void awaitDeliveries(long expected, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (this.delivered.get() < expected && System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(20);
		}
	}

	/**
	 * Sends at a steady rate (each on time whatever the previous answer), each message
	 * timed from just before its request to each socket that receives it.
	 */
	private Latencies openLoop(String channelId, int sender, double rate, Duration duration, IntFunction<String> nonces)
			throws Exception {
		this.sentAt.clear(); // late deliveries of what came before no longer count
		Latencies latencies = new Latencies();
		this.latencies = latencies;
		this.delivered.set(0);
		long interval = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
		long total = Math.max(1, (long) (duration.toSeconds() * rate));
		AtomicInteger errors = new AtomicInteger();
		List<CompletableFuture<?>> answers = new ArrayList<>();
		long start = System.nanoTime();
		for (long k = 0; k < total; k++) {
			long wait = start + k * interval - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			String nonce = nonces.apply((int) k);
			int author = (sender >= 0) ? sender : ThreadLocalRandom.current().nextInt(MEMBERS);
			HttpRequest request = sendRequest(channelId, author, nonce);
			this.sentAt.put(nonce, System.nanoTime());
			answers.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept((response) -> {
				if (response.statusCode() != 201) {
					errors.incrementAndGet();
				}
			}).exceptionally((error) -> {
				errors.incrementAndGet();
				return null;
			}));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		if (errors.get() > 0) {
			System.out.println("  " + errors.get() + " sends failed");
		}
		this.lastOpenLoopSent = total - errors.get();
		return latencies;
	}

	@Override
	public void delivered(int member, String nonce, long nanos) {
		if (this.onlyMember >= 0 && member != this.onlyMember) {
			return;
		}
		if (nonce.startsWith("probe-")) {
			this.probeReceivers.add(member);
			return;
		}
		Long sent = this.sentAt.get(nonce);
		if (sent == null) {
			return;
		}
		this.latencies.record(nanos - sent);
		this.delivered.incrementAndGet();
		this.lastDelivery.accumulateAndGet(nanos, Math::max);
	}

	// ------------------------------------------------------------------ 3. history pages

	private void history(Connection db, String serverId) throws Exception {
		String channelId = call("POST", "/api/servers/" + serverId + "/channels", 0,
				"{\"name\":\"history\",\"type\":\"text\"}", 201)
			.get("id")
			.asString();
		long newest = Long
			.parseLong(send(channelId, 0, "seed-" + this.nonces.incrementAndGet(), 201).get("id").asString());
		long started = System.nanoTime();
		// The service's own id scheme: each seeded message a millisecond before the next,
		// on
		// the worker of the message the service just made; all older than any id it
		// makes.
		long millis = newest >>> TIME_SHIFT;
		long worker = newest & ((1L << TIME_SHIFT) - 1) & ~0xFFFL;
		UUID[] authors = this.members.subList(0, Math.min(20, MEMBERS)).toArray(UUID[]::new);
		try (PreparedStatement seed = db.prepareStatement("""
				insert into messages (channel_id, id, author_id, content, version)
				select ?, ((? - 1 - g) << 22) | ?, (?::uuid[])[1 + g % ?],
				  'history message ' || g || ' ' || md5(g::text), 1
				from generate_series(0, ? - 1) g
				""")) {
			seed.setLong(1, Long.parseLong(channelId));
			seed.setLong(2, millis);
			seed.setLong(3, worker);
			seed.setArray(4, db.createArrayOf("uuid", authors));
			seed.setInt(5, authors.length);
			seed.setInt(6, HISTORY);
			seed.executeUpdate();
		}
		try (Statement vacuum = db.createStatement()) {
			vacuum.execute("vacuum analyze messages");
		}
		System.out.printf(Locale.ROOT, "%-52s %d rows in %.1f s (generate_series, then vacuum analyze)%n",
				"history channel seeded by SQL", HISTORY, (System.nanoTime() - started) / 1e9);

		long channel = Long.parseLong(channelId);
		Latencies api = new Latencies();
		Latencies asyncApi = new Latencies();
		Latencies sql = new Latencies();
		try (PreparedStatement page = db.prepareStatement(PAGE_SQL)) {
			for (int i = 0; i < PAGES + WARM_UP_PAGES; i++) {
				// A random point with at least a full page below it.
				long before = ((millis - 1 - ThreadLocalRandom.current().nextInt(HISTORY - 50)) << TIME_SHIFT) | worker;
				String path = "/api/channels/" + channelId + "/messages?before=" + before + "&limit=50";
				// Whichever reads a point first brings its pages into PostgreSQL's
				// buffers for the others: the three take turns at going first.
				long apiNanos = 0;
				long asyncNanos = 0;
				long sqlNanos = 0;
				for (int turn = 0; turn < 3; turn++) {
					switch ((i + turn) % 3) {
						case 0 -> apiNanos = timedBlockingPage(path);
						case 1 -> asyncNanos = timedAsyncClientPage(path);
						default -> sqlNanos = timedDirectPage(page, channel, before);
					}
				}
				if (i >= WARM_UP_PAGES) {
					api.record(apiNanos);
					asyncApi.record(asyncNanos);
					sql.record(sqlNanos);
				}
			}
		}
		double ratio = api.percentileMs(0.99) / sql.percentileMs(0.99);
		String uptime = uptime();
		System.out.printf(Locale.ROOT, "%-52s p50 %5.2f ms  p99 %5.2f ms%n", "same SQL over JDBC (baseline)",
				sql.percentileMs(0.5), sql.percentileMs(0.99));
		System.out.printf(Locale.ROOT, "%-52s p50 %5.2f ms  p99 %5.2f ms  over %d random pages%n",
				"GET /api/channels/{id}/messages?before=&limit=50", api.percentileMs(0.5), api.percentileMs(0.99),
				PAGES);
		System.out.printf(Locale.ROOT, "%-52s p50 %5.2f ms  p99 %5.2f ms  (the same pages, for comparison)%n",
				"  the same through java.net.http's HttpClient", asyncApi.percentileMs(0.5),
				asyncApi.percentileMs(0.99));
		System.out.printf(Locale.ROOT, "%-52s %7.1fx   (target <= 2x: %s)   uptime %s%n", "history p99 / SQL p99",
				ratio, (ratio <= 2) ? "met" : "NOT met", uptime);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("pages", PAGES);
		figures.put("p50Ms", api.percentileMs(0.5));
		figures.put("p99Ms", api.percentileMs(0.99));
		figures.put("httpClientP50Ms", asyncApi.percentileMs(0.5));
		figures.put("httpClientP99Ms", asyncApi.percentileMs(0.99));
		figures.put("sqlP50Ms", sql.percentileMs(0.5));
		figures.put("sqlP99Ms", sql.percentileMs(0.99));
		figures.put("p99Ratio", round(ratio * 100) / 100);
		figures.put("target", 2.0);
		figures.put("uptime", uptime);
		this.figures.put("history", figures);
	}

	/**
	 * The time of one page through a blocking client that reads and writes on the calling
	 * thread, as the JDBC baseline does (HttpURLConnection, keeping its connection
	 * alive).
	 */
	private long timedBlockingPage(String path) throws Exception {
		long started = System.nanoTime();
		HttpURLConnection connection = (HttpURLConnection) URI.create(this.base + path).toURL().openConnection();
		connection.setRequestProperty("Authorization", "Bearer " + this.tokens.get(0));
		int status = connection.getResponseCode();
		try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
			body.readAllBytes();
		}
		long nanos = System.nanoTime() - started;
		if (status != 200) {
			throw new IllegalStateException("A history page answered " + status);
		}
		return nanos;
	}

	/**
	 * The time of one page through java.net.http's HttpClient, whose selector and
	 * executor threads each take the response in turn before the caller gets it.
	 */
	private long timedAsyncClientPage(String path) throws Exception {
		long started = System.nanoTime();
		HttpResponse<byte[]> response = this.http.send(get(path, 0), HttpResponse.BodyHandlers.ofByteArray());
		long nanos = System.nanoTime() - started;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("A history page answered " + response.statusCode());
		}
		return nanos;
	}

	/** The time of one direct page, which must read a full page. */
	private static long timedDirectPage(PreparedStatement page, long channel, long before) throws Exception {
		long started = System.nanoTime();
		int rows = directPage(page, channel, before);
		long nanos = System.nanoTime() - started;
		if (rows != 50) {
			throw new IllegalStateException("The direct query read " + rows + " rows, not 50");
		}
		return nanos;
	}

	/** One page by the service's SQL, every column read as the service reads it. */
	private static int directPage(PreparedStatement page, long channel, long before) throws Exception {
		page.setLong(1, channel);
		page.setLong(2, before);
		page.setInt(3, 50);
		int rows = 0;
		try (ResultSet rs = page.executeQuery()) {
			while (rs.next()) {
				rs.getLong("channel_id");
				rs.getLong("id");
				rs.getObject("author_id", UUID.class);
				rs.getString("content");
				rs.getLong("reply_to");
				rs.getArray("mention_users").getArray();
				rs.getArray("mention_roles").getArray();
				rs.getBoolean("mention_everyone");
				rs.getString("nonce");
				rs.getLong("version");
				rs.getTimestamp("edited_at");
				rs.getObject("user_id", UUID.class);
				rs.getString("username");
				rs.getString("display_name");
				rs.getString("avatar_url");
				rs.getBoolean("deleted");
				rows++;
			}
		}
		return rows;
	}

	// ------------------------------------------------------------------ 4. DM round trip

	private void directMessages() throws Exception {
		int a = 1 % MEMBERS;
		int b = 2 % MEMBERS;
		String dm = call("POST", "/api/dms", a, "{\"recipientId\":\"" + this.members.get(b) + "\"}", 201).get("id")
			.asString();
		this.onlyMember = b;
		probe(dm, a, 1);
		IntFunction<HttpRequest> send = (i) -> sendRequest(dm, a, "d" + this.nonces.incrementAndGet());
		closedLoop(send, WARM_UP, 201);
		Load saturation = closedLoop(send, ROUND.multipliedBy(2), 201);
		probe(dm, a, 1); // what the closed loop queued has reached B: the open loop
							// starts on an empty pipe
		double rate = 0.25 * saturation.rate();
		IntFunction<String> nonce = (k) -> "m" + this.nonces.incrementAndGet();
		openLoop(dm, a, rate, WARM_UP, nonce);
		Latencies measured = openLoop(dm, a, rate, LOAD, nonce);
		long sent = this.lastOpenLoopSent;
		awaitDeliveries(sent, Duration.ofSeconds(30));
		long lost = sent - this.delivered.get();
		this.onlyMember = -1;
		String uptime = uptime();
		System.out.printf(Locale.ROOT, "%-52s %8.0f /s (closed loop, %d clients as one user)%n", "DM send saturation",
				saturation.rate(), CLIENTS);
		System.out.printf(Locale.ROOT,
				"%-52s p50 %5.1f ms  p99 %5.1f ms at %.1f/s (25%%)  (target p99 <= 100 ms: %s), %d missing   uptime %s%n",
				"DM: A sends -> B's socket", measured.percentileMs(0.5), measured.percentileMs(0.99), rate,
				(measured.percentileMs(0.99) <= 100 && lost == 0) ? "met" : "NOT met", lost, uptime);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("saturationPerSecond", round(saturation.rate()));
		figures.put("ratePerSecond", round(rate));
		figures.put("messages", sent);
		figures.put("lost", lost);
		figures.put("p50Ms", measured.percentileMs(0.5));
		figures.put("p99Ms", measured.percentileMs(0.99));
		figures.put("targetP99Ms", 100);
		figures.put("uptime", uptime);
		this.figures.put("dm", figures);
	}

	// ------------------------------------------------------------------ HTTP

	private HttpRequest sendRequest(String channelId, int author, String nonce) {
		return HttpRequest.newBuilder(URI.create(this.base + "/api/channels/" + channelId + "/messages"))
			.header("Authorization", "Bearer " + this.tokens.get(author))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"content\":\"bench message " + nonce + " with some text\",\"nonce\":\"" + nonce + "\"}"))
			.build();
	}

	private JsonNode send(String channelId, int author, String nonce, int status) throws Exception {
		return answer(this.http.send(sendRequest(channelId, author, nonce), HttpResponse.BodyHandlers.ofString()),
				status);
	}

	private HttpRequest get(String path, int caller) {
		return HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + this.tokens.get(caller))
			.build();
	}

	private JsonNode call(String method, String path, int caller, @Nullable String body, int status) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + this.tokens.get(caller))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		return answer(this.http.send(request, HttpResponse.BodyHandlers.ofString()), status);
	}

	private static JsonNode answer(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/** {@link #CLIENTS} threads sending back to back for {@code duration}. */
	private Load closedLoop(IntFunction<HttpRequest> requests, Duration duration, int status)
			throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		Latencies latencies = new Latencies();
		AtomicLong count = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < CLIENTS; c++) {
			threads.add(Thread.ofPlatform().start(() -> {
				int n = 0;
				while (System.nanoTime() < end) {
					HttpRequest request = requests.apply(n++);
					long t0 = System.nanoTime();
					try {
						if (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != status) {
							errors.incrementAndGet();
						}
					}
					catch (IOException ex) {
						errors.incrementAndGet();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					latencies.record(System.nanoTime() - t0);
					count.incrementAndGet();
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return new Load(count.get(), errors.get(), (System.nanoTime() - started) / 1e9, latencies);
	}

	/**
	 * {@link #CLIENTS} threads sending back to back until {@code total} requests are
	 * sent.
	 */
	private void closedLoopCount(int total, IntFunction<HttpRequest> requests) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			threads.add(Thread.ofPlatform().start(() -> {
				int n;
				while ((n = next.getAndIncrement()) < total) {
					try {
						this.http.send(requests.apply(n), HttpResponse.BodyHandlers.discarding());
					}
					catch (IOException ex) {
						// counted as a delivery that never comes
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
	}

	/**
	 * What a closed loop did.
	 *
	 * @param count requests answered
	 * @param errors answers with another status, or none
	 * @param seconds how long it ran
	 * @param latencies each request's time
	 */
	private record Load(long count, long errors, double seconds, Latencies latencies) {

		double rate() {
			return this.count / this.seconds;
		}

		static Load merge(List<Load> loads) {
			Latencies all = new Latencies();
			long count = 0;
			long errors = 0;
			double seconds = 0;
			for (Load load : loads) {
				count += load.count;
				errors += load.errors;
				seconds += load.seconds;
			}
			// Percentiles of the merged rounds: re-recorded from each round's buckets.
			loads.forEach((load) -> all.addAll(load.latencies));
			return new Load(count, errors, seconds, all);
		}

	}

	// ------------------------------------------------------------------ processes

	private static Process start(Path root, String service, int port, JwksServer auth, String opts) throws IOException {
		List<String> options = new ArrayList<>(Arrays.asList(opts.split(" ")));
		// e.g. -Dbench.serviceOpts=-XX:StartFlightRecording=filename=.flux/bench.jfr for
		// a profile
		String extra = System.getProperty("bench.serviceOpts", "").replace("{service}", service);
		if (!extra.isBlank()) {
			options.addAll(Arrays.asList(extra.trim().split(" ")));
		}
		return BenchServices.start(root, service, port, auth, options);
	}

	private static void stop(Process service) throws InterruptedException {
		service.destroy();
		if (!service.waitFor(30, TimeUnit.SECONDS)) {
			service.destroyForcibly();
		}
	}

	private static Connection database() throws Exception {
		String host = System.getenv().getOrDefault("FLUX_DB_HOST", "localhost");
		String port = System.getenv().getOrDefault("FLUX_DB_PORT", "5432");
		Connection db = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/flux_chat",
				"flux_chat", "flux_chat");
		db.setAutoCommit(true);
		return db;
	}

	/** What {@code uptime} says (the load averages), to set beside each figure. */
	private static String uptime() throws IOException, InterruptedException {
		Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
		String line = new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		uptime.waitFor(5, TimeUnit.SECONDS);
		return line;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
