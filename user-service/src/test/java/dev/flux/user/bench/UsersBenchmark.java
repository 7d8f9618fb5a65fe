package dev.flux.user.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import org.awaitility.Awaitility;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;
import dev.flux.user.UserServiceApplication;

/**
 * {@code ./flux bench users}: {@code GET /api/users/{id}} (access token checked, profile,
 * settings and activities read) against {@code GET /livez} (no token, no I/O) of the same
 * user-service, in one run: requests per second and latency percentiles of each, from
 * closed-loop clients, and the ratio of the two throughputs.
 */
public final class UsersBenchmark {

	private static final int USERS = 1000;

	private static final int VIEWERS = 50;

	private static final int CLIENTS = 8;

	private static final int ROUNDS = 3;

	private static final Duration WARM_UP = Duration.ofSeconds(10);

	private static final Duration ROUND = Duration.ofSeconds(10);

	private UsersBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (JwksServer auth = JwksServer.start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(UserServiceApplication.class).run(
						"--server.port=0", "--logging.level.root=WARN", "--flux.security.jwt.issuer=" + auth.issuer(),
						"--flux.security.jwt.jwk-set-uri=" + auth.jwkSetUri())) {
			TestTokens tokens = auth.newSigningKey();
			int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
			new UsersBenchmark().run(context, tokens, port);
		}
	}

	private void run(ConfigurableApplicationContext context, TestTokens tokens, int port) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String base = "http://localhost:" + port;
		List<UUID> users = seed(context, client, base, tokens);
		List<String> viewers = new ArrayList<>();
		for (int i = 0; i < VIEWERS; i++) {
			viewers.add(tokens.accessToken(users.get(i), "USER"));
		}
		IntFunction<HttpRequest> health = (i) -> HttpRequest.newBuilder(URI.create(base + "/livez")).build();
		IntFunction<HttpRequest> profile = (i) -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return HttpRequest.newBuilder(URI.create(base + "/api/users/" + users.get(random.nextInt(USERS))))
				.header("Authorization", "Bearer " + viewers.get(random.nextInt(VIEWERS)))
				.build();
		};

		System.out.printf(Locale.ROOT,
				"Flux user-service benchmark (%d cores, %d users, %d closed-loop clients, %d rounds of %d s per endpoint after %d s warm-up, alternating)%n",
				Runtime.getRuntime().availableProcessors(), USERS, CLIENTS, ROUNDS, ROUND.toSeconds(),
				WARM_UP.toSeconds());
		load(client, health, WARM_UP.dividedBy(2));
		load(client, profile, WARM_UP.dividedBy(2));
		List<Result> healthRounds = new ArrayList<>();
		List<Result> profileRounds = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			healthRounds.add(load(client, health, ROUND));
			profileRounds.add(load(client, profile, ROUND));
		}
		Result healthResult = Result.merge(healthRounds);
		Result profileResult = Result.merge(profileRounds);
		System.out.printf(Locale.ROOT, "%-34s %10s %9s %9s %8s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "errors");
		print("GET /livez", healthResult);
		print("GET /api/users/{id} (token)", profileResult);
		System.out.printf(Locale.ROOT, "rounds req/s: liveness %s, users %s%n", rates(healthRounds),
				rates(profileRounds));
		double ratio = profileResult.rate() / healthResult.rate();
		System.out.printf(Locale.ROOT,
				"ratio: GET /api/users/{id} = %.0f%% of the unauthenticated endpoint (target >= 60%%: %s)%n",
				ratio * 100, (ratio >= 0.6) ? "met" : "NOT met");
	}

	/**
	 * Users created as auth-service would (user.created), each with a bio and an
	 * activity.
	 */
	private static List<UUID> seed(ConfigurableApplicationContext context, HttpClient client, String base,
			TestTokens tokens) throws Exception {
		EventCodec codec = context.getBean(EventCodec.class);
		RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		List<UUID> users = new ArrayList<>();
		String run = UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < USERS; i++) {
			UUID id = UUID.randomUUID();
			users.add(id);
			EventEnvelope envelope = codec.envelope(
					new UserCreated(id, "bench" + run + "_" + i, id + "@example.com", true), UUID.randomUUID(),
					Instant.now(), "auth-service", id.toString(), 1, UUID.randomUUID(), null);
			MessageProperties properties = new MessageProperties();
			properties.setMessageId(envelope.eventId().toString());
			properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
			rabbit.send(FluxTopology.EVENTS_EXCHANGE, envelope.type(), new Message(codec.toJson(envelope), properties));
		}
		Awaitility.await()
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.queryForObject("select count(*) from user_profiles where username like ?", Long.class,
					"bench" + run + "%") == USERS);
		for (UUID id : users) {
			String token = tokens.accessToken(id, "USER");
			send(client,
					HttpRequest.newBuilder(URI.create(base + "/api/users/me/profile"))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.method("PATCH",
								HttpRequest.BodyPublishers.ofString("{\"bio\":\"Benchmarking since 2026\","
										+ "\"customStatus\":{\"text\":\"Measuring\",\"emoji\":\":stopwatch:\"}}"))
						.build());
			send(client,
					HttpRequest.newBuilder(URI.create(base + "/api/users/me/activities"))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"playing\",\"name\":\"Flux bench\"}"))
						.build());
		}
		return users;
	}

	private static int send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
		int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		if (status >= 300) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + status);
		}
		return status;
	}

	/** {@link #CLIENTS} threads sending back to back for {@code duration}. */
	private static Result load(HttpClient client, IntFunction<HttpRequest> requests, Duration duration)
			throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		long[][] latencies = new long[CLIENTS][];
		int[] counts = new int[CLIENTS];
		int[] errors = new int[CLIENTS];
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < CLIENTS; c++) {
			int slot = c;
			threads.add(Thread.ofPlatform().start(() -> {
				long[] mine = new long[1 << 16];
				int n = 0;
				while (System.nanoTime() < end) {
					HttpRequest request = requests.apply(n);
					long t0 = System.nanoTime();
					try {
						int status = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
						if (status != 200) {
							errors[slot]++;
						}
					}
					catch (IOException ex) {
						errors[slot]++;
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					if (n == mine.length) {
						mine = Arrays.copyOf(mine, n * 2);
					}
					mine[n++] = System.nanoTime() - t0;
				}
				latencies[slot] = mine;
				counts[slot] = n;
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < CLIENTS; c++) {
			System.arraycopy(latencies[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		return new Result(all, seconds, Arrays.stream(errors).sum());
	}

	private static void print(String name, Result result) {
		System.out.printf(Locale.ROOT, "%-34s %10.0f %9.2f %9.2f %8d%n", name, result.rate(), result.percentile(50),
				result.percentile(99), result.errors());
	}

	private static String rates(List<Result> rounds) {
		return String.join(" / ", rounds.stream().map((r) -> String.format(Locale.ROOT, "%.0f", r.rate())).toList());
	}

	/** Latencies (ns) of one or more rounds, their duration and failed requests. */
	private record Result(long[] latencies, double seconds, int errors) {

		double rate() {
			return this.latencies.length / this.seconds;
		}

		double percentile(double p) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1e6;
		}

		static Result merge(List<Result> rounds) {
			long[] all = rounds.stream().flatMapToLong((r) -> Arrays.stream(r.latencies())).toArray();
			return new Result(all, rounds.stream().mapToDouble(Result::seconds).sum(),
					rounds.stream().mapToInt(Result::errors).sum());
		}

	}

}
