package dev.flux.auth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.AuthServiceApplication;
import dev.flux.testsupport.Http;

import static org.awaitility.Awaitility.await;
import dev.flux.auth.password.Passwords;

/**
 * {@code ./flux bench auth}: in one run on one machine, the hash rate of the service's
 * own password encoder on its own hashing threads against password logins over HTTP at
 * the same concurrency (as many callers as cores), and the latency of an authenticated
 * GET at rest against the same GET while logins run as fast as the service takes them.
 * Prints the figures and writes them to {@code .flux/bench/auth-<time>.json}.
 */
public final class AuthBenchmark {

	private static final String PASSWORD = "correct horse battery staple";

	private static final int ACCOUNTS_PER_CLIENT = 8;

	private static final int ROUNDS = 3;

	private static final Duration WARM_UP = Duration.ofSeconds(3);

	private static final Duration MEASURE = Duration.ofSeconds(10);

	/**
	 * Logins run before anything is measured until the JIT compiler has gone quiet: at
	 * 25-50 sign-ins a second the methods of the sign-in path are called so rarely that
	 * C2 kept compiling them through every round of the first runs (6-12% of a core
	 * besides the service), which a service that has been up for minutes no longer pays.
	 */
	private static final Duration JIT_WINDOW = Duration.ofSeconds(5);

	/**
	 * Compiler time per {@link #JIT_WINDOW} below which the JIT counts as quiet; it must
	 * stay quiet for {@link #JIT_QUIET_WINDOWS} windows in a row, since C2 works in
	 * bursts (after one quiet window of 100 ms, some runs still compiled for 9% of a core
	 * in the measured rounds).
	 */
	private static final Duration JIT_QUIET = Duration.ofMillis(50);

	private static final int JIT_QUIET_WINDOWS = 3;

	private static final Duration JIT_WARM_UP_LIMIT = Duration.ofSeconds(240);

	/**
	 * One GET due every 10 ms (100/s): a few times a GET's own duration, so that one
	 * client keeps up, and light enough to leave the machine nearly idle at rest.
	 */
	private static final Duration GET_INTERVAL = Duration.ofMillis(10);

	private static final int GET_WARM_UP = 3_000;

	private static final int GETS = 2_000;

	private final ConfigurableApplicationContext context;

	private final int port;

	private final int threads;

	/**
	 * Login clients, each sending one login after another: twice the hashing threads, so
	 * that while one client's login is outside its hash (HTTP, database, token) another
	 * one's hash keeps the hashing thread busy, as under a real sign-in load; fewer would
	 * measure the clients' pauses rather than the service's capacity.
	 */
	private final int clients;

	private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

	private AuthBenchmark(ConfigurableApplicationContext context, int threads) {
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		this.threads = threads;
		this.clients = Integer.getInteger("flux.bench.clients", 2 * threads);
	}

	public static void main(String[] args) throws Exception {
		int threads = Integer.getInteger("flux.bench.threads", Runtime.getRuntime().availableProcessors());
		// HttpURLConnection keeps 5 idle connections per host unless told otherwise: one
		// per login client and one for the GETs, or some requests would reconnect.
		System.setProperty("http.maxConnections",
				String.valueOf(Integer.getInteger("flux.bench.clients", 2 * threads) + 1));
		// Other work on the machine skews every figure: say how busy it was beforehand.
		OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
		os.getCpuLoad();
		TimeUnit.SECONDS.sleep(2);
		double busyBefore = os.getCpuLoad();
		// A free port and a rate limit that lets one address sign in many times a second,
		// as arguments, which outrank application.yml. The service logs to a file (the
		// audit log of every login too), so that the console shows the figures.
		String[] benchArgs = Stream.concat(Stream.of("--server.port=0", "--flux.auth.rate-limit.capacity=1000000000",
				"--flux.auth.rate-limit.per-minute=1000000000"), Arrays.stream(args))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServiceApplication.class)
			.properties("spring.main.banner-mode=off", "logging.threshold.console=ERROR",
					"logging.file.name=target/auth-bench.log")
			.run(benchArgs)) {
			new AuthBenchmark(context, threads).run(busyBefore);
		}
	}

	private void run(double busyBefore) throws Exception {
		AuthProperties.Hashing hashing = this.context.getBean(AuthProperties.class).hashing();
		double loadBefore = this.os.getSystemLoadAverage();
		System.out.printf(Locale.ROOT,
				"Flux auth benchmark: %d cores, %s; machine %.0f%% busy before the run, load average %.2f%n",
				Runtime.getRuntime().availableProcessors(), jvm(), 100 * busyBefore, loadBefore);
		System.out.printf(Locale.ROOT,
				"%d callers for the hash baseline and %d login clients; the service hashes on %d thread%s; "
						+ "%d rounds of each phase (%d s after %d s warm-up; %d GETs after a round not counted), medians%n",
				this.threads, this.clients, hashing.slots(), (hashing.slots() == 1) ? "" : "s", ROUNDS,
				MEASURE.toSeconds(), WARM_UP.toSeconds(), GETS);
		List<String> logins = register();
		String accessToken = new Http(this.port)
			.post("/api/auth/login", Map.of("login", logins.get(0), "password", PASSWORD))
			.json("$.accessToken");
		waitForOutboxDrained();

		// The baseline: the configured encoder checking a password on the service's own
		// hashing threads (same threads, same priority as a login's hash), with no HTTP,
		// no
		// database, no token: what a login costs at the least.
		PasswordEncoder encoder = this.context.getBean(PasswordEncoder.class);
		Passwords passwords = this.context.getBean(Passwords.class);
		String hash = encoder.encode(PASSWORD);
		IntFunction<Runnable> rawHash = (thread) -> () -> passwords.matches(PASSWORD, hash);
		warmUpLogins(logins);
		List<Phase> hashRounds = new ArrayList<>();
		List<Phase> loginRounds = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			hashRounds.add(measure(this.threads, rawHash));
			loginRounds.add(measure(this.clients, (thread) -> loginLoop(logins, thread)));
		}
		Phase hashes = median(hashRounds);
		Phase loginRate = median(loginRounds);
		double ratio = loginRate.rate() / hashes.rate();
		print("baseline: Passwords.matches, " + this.threads + " callers",
				"%7.1f /s   rounds %s   CPU %3.0f%%   JVM CPU %5.1f ms each   JIT %4.1f%% of a core", hashes.rate(),
				rates(hashRounds), 100 * hashes.cpu(), hashes.cpuMillis(), 100 * hashes.jit());
		print("POST /api/auth/login over HTTP, " + this.clients + " clients",
				"%7.1f /s   rounds %s   CPU %3.0f%%   JVM CPU %5.1f ms each   JIT %4.1f%% of a core   "
						+ "%.0f%% of baseline (target >= 85%%): %s",
				loginRate.rate(), rates(loginRounds), 100 * loginRate.cpu(), loginRate.cpuMillis(),
				100 * loginRate.jit(), 100 * ratio, verdict(ratio >= 0.85));

		warmUpMe(accessToken);
		List<Latencies> restRounds = new ArrayList<>();
		List<Latencies> loadedRounds = new ArrayList<>();
		// Round 0 warms up the GET path beside the logins as well and is not counted:
		// its p99s were the worst of every run.
		for (int round = 0; round <= ROUNDS; round++) {
			Latencies atRest = sampleMe(accessToken);
			Latencies underLoad = sampleMeWhileLoggingIn(accessToken, logins);
			if (round > 0) {
				restRounds.add(atRest);
				loadedRounds.add(underLoad);
			}
		}
		Latencies rest = Latencies.median(restRounds);
		Latencies loaded = Latencies.median(loadedRounds);
		double p99Ratio = loaded.p99() / rest.p99();
		print("GET /api/auth/me at rest, one due every " + GET_INTERVAL.toMillis() + " ms",
				"p50 %6.2f ms   p99 %6.2f ms   rounds %s   max %6.1f ms   CPU %3.0f%%   GC pauses %2.0f%%", rest.p50(),
				rest.p99(), p99s(restRounds), rest.max(), 100 * rest.cpu(), 100 * rest.gc());
		print("the same while " + this.clients + " clients log in",
				"p50 %6.2f ms   p99 %6.2f ms   rounds %s   max %6.1f ms   CPU %3.0f%%   GC pauses %2.0f%%   "
						+ "p99 %.1fx at rest (no target)",
				loaded.p50(), loaded.p99(), p99s(loadedRounds), loaded.max(), 100 * loaded.cpu(), 100 * loaded.gc(),
				p99Ratio);
		print("  logins meanwhile", "%7.1f /s", loaded.loginRate());
		double loadAfter = this.os.getSystemLoadAverage();
		System.out.printf(Locale.ROOT, "RESULT logins/hash %.2f (>= 0.85): %s; load average %.2f before, %.2f after%n",
				ratio, (ratio >= 0.85) ? "target met" : "TARGET MISSED", loadBefore, loadAfter);
		Map<String, Object> figures = BenchFigures.of("bench", "auth", "time", Instant.now().toString(), "machine",
				BenchFigures.of("cores", Runtime.getRuntime().availableProcessors(), "jvm", jvm(), "busyBefore",
						busyBefore, "loadAverageBefore", loadBefore, "loadAverageAfter", loadAfter),
				"hashingThreads", hashing.slots(), "loginClients", this.clients, "hashesPerSecond", hashes.rate(),
				"loginsPerSecond", loginRate.rate(), "loginsPerHash",
				BenchFigures.of("value", ratio, "target", 0.85, "met", ratio >= 0.85), "getAtRestMillis",
				BenchFigures.of("p50", rest.p50(), "p99", rest.p99(), "max", rest.max()), "getUnderLoginsMillis",
				BenchFigures.of("p50", loaded.p50(), "p99", loaded.p99(), "max", loaded.max(), "loginsPerSecond",
						loaded.loginRate()),
				"getP99UnderLoginsOverAtRest", p99Ratio);
		System.out.println("figures written to " + BenchFigures.write("auth", figures));
	}

	/** The JVM's version, collector and heap, which shape the latencies under load. */
	private static String jvm() {
		String collector = ManagementFactory.getGarbageCollectorMXBeans().get(0).getName().split(" ")[0];
		return "Java " + Runtime.version().feature() + ", " + collector + ", heap "
				+ (Runtime.getRuntime().maxMemory() >> 20) + " MiB";
	}

	private static void print(String what, String figures, Object... values) {
		System.out.printf(Locale.ROOT, "%-56s %s%n", what, String.format(Locale.ROOT, figures, values));
	}

	/**
	 * Registers the accounts the logins use; registering hashes too, so it also warms up
	 * the encoder.
	 */
	private List<String> register() throws Exception {
		String prefix = "b" + UUID.randomUUID().toString().substring(0, 8);
		List<String> usernames = new ArrayList<>();
		for (int i = 0; i < this.clients * ACCOUNTS_PER_CLIENT; i++) {
			usernames.add(prefix + "_" + i);
		}
		ExecutorService pool = Executors.newFixedThreadPool(this.threads);
		try {
			List<Future<Http.Reply>> replies = new ArrayList<>();
			for (String username : usernames) {
				replies.add(pool.submit(() -> new Http(this.port).post("/api/auth/register",
						Map.of("email", username + "@example.com", "username", username, "password", PASSWORD))));
			}
			for (Future<Http.Reply> reply : replies) {
				require(reply.get(), 201);
			}
		}
		finally {
			pool.shutdown();
		}
		return usernames;
	}

	/** Lets the relay publish the registrations' events before anything is measured. */
	private void waitForOutboxDrained() {
		JdbcClient jdbc = this.context.getBean(JdbcClient.class);
		await("the relay publishing the registrations' events").atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM flux_events.outbox_pending").query(Long.class).single() == 0);
	}

	/**
	 * One login after another for one client thread, cycling through accounts no other
	 * client uses: the per-account throttle counts an attempt as a failure until it
	 * succeeds, so clients sharing an account could trip it.
	 */
	private Runnable loginLoop(List<String> logins, int thread) {
		BenchClient client = new BenchClient(this.port);
		List<String> own = logins.subList(thread * ACCOUNTS_PER_CLIENT, (thread + 1) * ACCOUNTS_PER_CLIENT);
		Iterator<String> accounts = Stream.generate(() -> own).flatMap(List::stream).iterator();
		return () -> client.login(accounts.next());
	}

	/**
	 * Signs in from every client until the JIT compiler has spent less than
	 * {@link #JIT_QUIET} in each of {@link #JIT_QUIET_WINDOWS} consecutive
	 * {@link #JIT_WINDOW}s, or {@link #JIT_WARM_UP_LIMIT} has passed.
	 */
	private void warmUpLogins(List<String> logins) throws Exception {
		long start = System.nanoTime();
		long compiled = 0;
		int quiet = 0;
		try (Load load = new Load(this.clients, (thread) -> loginLoop(logins, thread))) {
			while (quiet < JIT_QUIET_WINDOWS && System.nanoTime() - start < JIT_WARM_UP_LIMIT.toNanos()) {
				long before = compilerMillis();
				TimeUnit.NANOSECONDS.sleep(JIT_WINDOW.toNanos());
				load.completed();
				compiled = compilerMillis() - before;
				quiet = (compiled < JIT_QUIET.toMillis()) ? quiet + 1 : 0;
			}
		}
		print("warm-up: logins until the JIT is quiet", "%5.0f s   JIT in the last %d s: %d ms",
				seconds(System.nanoTime() - start), JIT_WINDOW.toSeconds(), compiled);
	}

	/** Milliseconds the JIT compilers have spent so far. */
	private static long compilerMillis() {
		return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
	}

	/**
	 * Runs one operation per thread in a loop: {@link #WARM_UP} not counted, then the
	 * operations completed in {@link #MEASURE}.
	 */
	private Phase measure(int threads, IntFunction<Runnable> operations) throws Exception {
		try (Load load = new Load(threads, operations)) {
			TimeUnit.NANOSECONDS.sleep(WARM_UP.toNanos());
			long before = load.completed();
			long start = System.nanoTime();
			long cpuBefore = this.os.getProcessCpuTime();
			long compilerBefore = compilerMillis();
			this.os.getCpuLoad();
			TimeUnit.NANOSECONDS.sleep(MEASURE.toNanos());
			double cpu = this.os.getCpuLoad();
			long done = load.completed() - before;
			double elapsed = seconds(System.nanoTime() - start);
			double rate = done / elapsed;
			double cpuMillis = (this.os.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, done);
			double jit = (compilerMillis() - compilerBefore) / (elapsed * 1000);
			return new Phase(rate, cpu, cpuMillis, jit);
		}
	}

	private void warmUpMe(String accessToken) {
		BenchClient client = new BenchClient(this.port);
		for (int i = 0; i < GET_WARM_UP; i++) {
			client.me(accessToken);
		}
	}

	private Latencies sampleMe(String accessToken) throws InterruptedException {
		// At rest means without the garbage the logins left behind, which the collector
		// would otherwise still be cleaning up while the GETs are timed.
		System.gc();
		TimeUnit.NANOSECONDS.sleep(WARM_UP.toNanos());
		BenchClient client = new BenchClient(this.port);
		this.os.getCpuLoad();
		long gcBefore = gcMillis();
		long start = System.nanoTime();
		long[] micros = paced(client, accessToken, GETS);
		return Latencies.of(micros, this.os.getCpuLoad(), gcShare(gcBefore, start), 0);
	}

	private Latencies sampleMeWhileLoggingIn(String accessToken, List<String> logins) throws Exception {
		try (Load load = new Load(this.clients, (thread) -> loginLoop(logins, thread))) {
			BenchClient client = new BenchClient(this.port);
			// The GET path is warm from the phase at rest; the logins settle first.
			TimeUnit.NANOSECONDS.sleep(WARM_UP.toNanos());
			long before = load.completed();
			long start = System.nanoTime();
			this.os.getCpuLoad();
			long gcBefore = gcMillis();
			long[] micros = paced(client, accessToken, GETS);
			double cpu = this.os.getCpuLoad();
			return Latencies.of(micros, cpu, gcShare(gcBefore, start),
					(load.completed() - before) / seconds(System.nanoTime() - start));
		}
	}

	/**
	 * Sends GETs one at a time, each due {@link #GET_INTERVAL} after the previous one was
	 * due; a latency counts from when the request was due, so a stall also counts against
	 * the requests it delayed (no coordinated omission).
	 */
	private static long[] paced(BenchClient client, String accessToken, int count) {
		long[] micros = new long[count];
		long interval = GET_INTERVAL.toNanos();
		long due = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long wait = due - System.nanoTime();
			if (wait > 0) {
				sleepNanos(wait);
			}
			client.me(accessToken);
			micros[i] = (System.nanoTime() - due) / 1000;
			due += interval;
		}
		return micros;
	}

	/** Milliseconds the collectors have paused the JVM so far. */
	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	/** The share of the time since {@code start} the JVM spent paused for collections. */
	private static double gcShare(long gcMillisBefore, long start) {
		return (gcMillis() - gcMillisBefore) / (seconds(System.nanoTime() - start) * 1000);
	}

	private static Http.Reply require(Http.Reply reply, int status) {
		if (reply.status() != status) {
			throw new IllegalStateException("expected " + status + " but got " + reply.status() + ": " + reply.body());
		}
		return reply;
	}

	private static Phase median(List<Phase> phases) {
		return phases.stream().sorted((a, b) -> Double.compare(a.rate(), b.rate())).toList().get(phases.size() / 2);
	}

	private static String p99s(List<Latencies> rounds) {
		return rounds.stream().map((round) -> String.format(Locale.ROOT, "%.1f", round.p99())).toList().toString();
	}

	private static String rates(List<Phase> phases) {
		return phases.stream().map((phase) -> String.format(Locale.ROOT, "%.1f", phase.rate())).toList().toString();
	}

	private static String verdict(boolean met) {
		return met ? "PASS" : "MISS";
	}

	private static void sleepNanos(long nanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/**
	 * Operations completed per second, the whole machine's CPU use meanwhile, the CPU
	 * time this JVM (the service and the bench's clients) spent per operation, which
	 * other work on the machine disturbs less than the rate, and the share of a core the
	 * JIT compilers used.
	 */
	private record Phase(double rate, double cpu, double cpuMillis, double jit) {
	}

	/**
	 * Latency percentiles in milliseconds, and meanwhile the machine's CPU use, the share
	 * of time the JVM was paused for garbage collection, and the login rate.
	 */
	private record Latencies(double p50, double p99, double max, double cpu, double gc, double loginRate) {

		static Latencies of(long[] micros, double cpu, double gc, double loginRate) {
			long[] sorted = micros.clone();
			Arrays.sort(sorted);
			return new Latencies(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1000.0,
					cpu, gc, loginRate);
		}

		/** The median of each figure over some rounds, and the highest maximum. */
		static Latencies median(List<Latencies> rounds) {
			return new Latencies(median(rounds, Latencies::p50), median(rounds, Latencies::p99),
					rounds.stream().mapToDouble(Latencies::max).max().orElseThrow(), median(rounds, Latencies::cpu),
					median(rounds, Latencies::gc), median(rounds, Latencies::loginRate));
		}

		private static double median(List<Latencies> rounds, ToDoubleFunction<Latencies> figure) {
			return rounds.stream().mapToDouble(figure).sorted().toArray()[rounds.size() / 2];
		}

		private static double percentile(long[] sorted, double quantile) {
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1000.0;
		}

	}

	/**
	 * The bench's client for the measured requests: a blocking {@link HttpURLConnection}
	 * on a kept-alive connection, bodies written by hand. It runs in the service's JVM on
	 * the same cores, so whatever it spends is taken from the logins it measures, and
	 * every thread hand-off it makes waits for a core under load and would count as the
	 * service's latency; the JDK's asynchronous {@code HttpClient} passes each request
	 * through its selector thread and back, and costs more CPU per request than this.
	 */
	private static final class BenchClient {

		private final URL login;

		private final URL me;

		BenchClient(int port) {
			try {
				this.login = URI.create("http://localhost:" + port + "/api/auth/login").toURL();
				this.me = URI.create("http://localhost:" + port + "/api/auth/me").toURL();
			}
			catch (MalformedURLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** Signs in to an account of the bench (its name needs no JSON escaping). */
		void login(String username) {
			byte[] body = ("{\"login\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			try {
				HttpURLConnection connection = open(this.login);
				connection.setRequestMethod("POST");
				connection.setDoOutput(true);
				connection.setFixedLengthStreamingMode(body.length);
				connection.setRequestProperty("Content-Type", "application/json");
				try (OutputStream out = connection.getOutputStream()) {
					out.write(body);
				}
				requireOk(connection);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** {@code GET /api/auth/me} with a bearer token. */
		void me(String accessToken) {
			try {
				HttpURLConnection connection = open(this.me);
				connection.setRequestProperty("Authorization", "Bearer " + accessToken);
				requireOk(connection);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static HttpURLConnection open(URL url) throws IOException {
			HttpURLConnection connection = (HttpURLConnection) url.openConnection();
			connection.setRequestProperty("User-Agent", "flux-bench/1.0");
			return connection;
		}

		/**
		 * Reads the whole answer, which lets the connection be kept alive for the next.
		 */
		private static void requireOk(HttpURLConnection connection) throws IOException {
			int status = connection.getResponseCode();
			try (InputStream in = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
				String answer = (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
				if (status != 200) {
					throw new IllegalStateException("expected 200 but got " + status + ": " + answer);
				}
			}
		}

	}

	/**
	 * Threads each running their operation in a loop until closed, counting completions;
	 * the first failure stops the bench.
	 */
	private static final class Load implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong completed = new AtomicLong();

		private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

		private final List<Thread> workers = new ArrayList<>();

		Load(int threads, IntFunction<Runnable> operations) {
			for (int t = 0; t < threads; t++) {
				Runnable operation = operations.apply(t);
				this.workers.add(Thread.ofPlatform().name("bench-load-" + t).start(() -> {
					try {
						while (this.running.get()) {
							operation.run();
							this.completed.incrementAndGet();
						}
					}
					catch (RuntimeException ex) {
						this.failure.compareAndSet(null, ex);
					}
				}));
			}
		}

		long completed() {
			RuntimeException failed = this.failure.get();
			if (failed != null) {
				throw failed;
			}
			return this.completed.get();
		}

		@Override
		public void close() throws InterruptedException {
			this.running.set(false);
			for (Thread worker : this.workers) {
				worker.join();
			}
			completed();
		}

	}

}
