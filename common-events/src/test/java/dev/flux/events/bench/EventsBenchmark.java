package dev.flux.events.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.outbox.Outbox;
import dev.flux.events.sample.SampleHandler;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;

import static org.awaitility.Awaitility.await;

/**
 * {@code ./flux bench events}: in one run on the same broker, the raw RabbitMQ baseline
 * (persistent messages to a durable quorum queue, publisher confirms per batch of the
 * relay's size) and Flux from outbox to consumer: the relay's throughput draining a
 * backlog, the end-to-end throughput and latency at saturation, and the latency at 25% of
 * that load. Beside each rate, the CPU the broker, PostgreSQL and this JVM spent per
 * message, since on a small machine they share the cores.
 */
public final class EventsBenchmark {

	/**
	 * Messages per round on each side: at 20,000-50,000 msg/s a round of 10,000 lasted
	 * 0.2-0.5 s, short enough for one broker WAL flush or collector pause to move it by
	 * half; 30,000 lasts about a second.
	 */
	private static final int BACKLOG = Integer.getInteger("flux.bench.backlog", 30_000);

	private static final int ROUNDS = 5;

	/**
	 * How long the consumer may take to drain one round's backlog before the bench fails.
	 */
	private static final Duration CONSUMER_TIMEOUT = Duration.ofMinutes(2);

	private static final int BATCH = 500;

	private static final Duration LOAD_DURATION = Duration.ofSeconds(15);

	private EventsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleServiceApplication.class)
			.properties("spring.main.web-application-type=none", "logging.level.root=WARN",
					"flux.events.consumer.prefetch=250")
			.run(args)) {
			new EventsBenchmark().run(context);
		}
	}

	private void run(ConfigurableApplicationContext context) throws Exception {
		if (BACKLOG % BATCH != 0) {
			throw new IllegalArgumentException(
					"flux.bench.backlog must be a multiple of " + BATCH + ", not " + BACKLOG);
		}
		Outbox outbox = context.getBean(Outbox.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		SampleHandler handler = context.getBean(SampleHandler.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		var relay = context.getBean(dev.flux.events.outbox.OutboxRelay.class);

		System.out.println("Flux events benchmark  (" + Runtime.getRuntime().availableProcessors() + " cores, " + ROUNDS
				+ " rounds of " + BACKLOG + " events after a warm-up round, medians)");
		com.rabbitmq.client.ConnectionFactory rabbit = context.getBean(CachingConnectionFactory.class)
			.getRabbitConnectionFactory();
		Counter published = context.getBean(MeterRegistry.class).get("flux.outbox.published").counter();
		// The relay alone: consumers paused, so that the figure is the relay's; the
		// consumer after.
		Lifecycle consumers = context.getBean("fluxEventConsumers", Lifecycle.class);
		consumers.stop();
		String backlogPrefix = "bench-backlog-" + UUID.randomUUID() + "-";
		List<Double> rawRates = new ArrayList<>();
		List<Double> relayRates = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		ProcessCpu rawCpu = ProcessCpu.NONE;
		ProcessCpu relayCpu = ProcessCpu.NONE;
		// Round 0 warms up the JIT and the broker's queues on both sides and is not
		// counted.
		for (int round = 0; round <= ROUNDS; round++) {
			ProcessCpu before = ProcessCpu.now();
			double rawRate = rawPublishRate(rabbit);
			ProcessCpu afterRaw = ProcessCpu.now();
			appendBacklog(relay, outbox, transactions, backlogPrefix + round + "-");
			// Each side publishes into an empty queue: the raw side declares a fresh one,
			// and the consumer queue loses the previous round's backlog, which would
			// otherwise pile up to rounds x backlog and slow the broker down.
			purge(rabbit, "sample.service.queue");
			ProcessCpu beforeRelay = ProcessCpu.now();
			double relayed = relayRate(relay, published);
			ProcessCpu afterRelay = ProcessCpu.now();
			if (round > 0) {
				rawRates.add(rawRate);
				relayRates.add(relayed);
				ratios.add(relayed / rawRate);
				rawCpu = rawCpu.plus(afterRaw.since(before));
				relayCpu = relayCpu.plus(afterRelay.since(beforeRelay));
			}
		}
		double raw = median(rawRates);
		double relayRate = median(relayRates);
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   rounds %s%n",
				"baseline: raw RabbitMQ, persistent, " + BATCH + "-message batches, 2 in flight", raw,
				rounded(rawRates));
		System.out.printf(Locale.ROOT, "%-62s %s%n", "", rawCpu.perMessage(ROUNDS * BACKLOG));
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   rounds %s   %.0f%% of baseline (target >= 50%%)%n",
				"flux relay: outbox backlog to broker", relayRate, rounded(relayRates), 100 * relayRate / raw);
		System.out.printf(Locale.ROOT, "%-62s %s%n", "", relayCpu.perMessage(ROUNDS * BACKLOG));
		System.out.printf(Locale.ROOT, "%-62s %s%n", "relay / baseline of each round", percents(ratios));

		// The consumer drains the last round's backlog, which is still queued.
		ProcessCpu beforeConsumer = ProcessCpu.now();
		long consumerStart = System.nanoTime();
		consumers.start();
		await("the consumer handling the last round's backlog").atMost(CONSUMER_TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> handler.benchHandled() >= BACKLOG);
		double drainRate = BACKLOG / seconds(System.nanoTime() - consumerStart);
		String consumerCpu = ProcessCpu.now().since(beforeConsumer).perMessage(BACKLOG);
		handler.drainBenchLatencies();
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s%n",
				"flux consumer: " + BACKLOG + " queued events handled (inbox + effect)", drainRate);
		System.out.printf(Locale.ROOT, "%-62s %s%n", "", consumerCpu);

		Load saturated = load(outbox, transactions, handler, jdbc, 4, 0);
		System.out.printf(Locale.ROOT, "%-58s %10.0f msg/s   p50 %6.1f ms   p99 %6.1f ms%n",
				"flux end to end at saturation (4 appenders)", saturated.rate(), saturated.p50(), saturated.p99());

		double quarter = saturated.rate() / 4;
		Load light = load(outbox, transactions, handler, jdbc, 1, quarter);
		System.out.printf(Locale.ROOT, "%-58s %10.0f msg/s   p50 %6.1f ms   p99 %6.1f ms   (targets 10 / 50 ms)%n",
				"flux end to end at 25% of saturation", light.rate(), light.p50(), light.p99());
		System.out.printf(Locale.ROOT, "RESULT relay/baseline %.2f, p50@25%% %.1f ms, p99@25%% %.1f ms: %s%n",
				relayRate / raw, light.p50(), light.p99(),
				(relayRate / raw >= 0.5 && light.p50() <= 10 && light.p99() <= 50) ? "targets met" : "TARGETS MISSED");
	}

	/**
	 * Persistent messages to a durable quorum queue in batches of the relay's size, with
	 * the same window the relay keeps: the next batch is sent while the previous one is
	 * being confirmed.
	 */
	private static double rawPublishRate(com.rabbitmq.client.ConnectionFactory factory) throws Exception {
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			String queue = "bench.raw." + UUID.randomUUID();
			channel.queueDeclare(queue, true, false, false, java.util.Map.of("x-queue-type", "quorum"));
			channel.confirmSelect();
			java.util.concurrent.ConcurrentSkipListSet<Long> outstanding = new java.util.concurrent.ConcurrentSkipListSet<>();
			channel.addConfirmListener((tag, multiple) -> settle(outstanding, tag, multiple),
					(tag, multiple) -> settle(outstanding, tag, multiple));
			byte[] body = new byte[400];
			long start = System.nanoTime();
			for (int sent = 0; sent < BACKLOG; sent += BATCH) {
				for (int i = 0; i < BATCH; i++) {
					outstanding.add(channel.getNextPublishSeqNo());
					channel.basicPublish("", queue, true, MessageProperties.PERSISTENT_BASIC, body);
				}
				while (outstanding.size() > BATCH) {
					TimeUnit.MICROSECONDS.sleep(100);
				}
			}
			while (!outstanding.isEmpty()) {
				TimeUnit.MICROSECONDS.sleep(100);
			}
			double rate = BACKLOG / seconds(System.nanoTime() - start);
			channel.queueDelete(queue);
			return rate;
		}
	}

	private static void settle(java.util.concurrent.ConcurrentSkipListSet<Long> outstanding, long tag,
			boolean multiple) {
		if (multiple) {
			outstanding.headSet(tag, true).clear();
		}
		else {
			outstanding.remove(tag);
		}
	}

	/** Stops the relay and appends a backlog for it, in transactions of a batch each. */
	private static void appendBacklog(dev.flux.events.outbox.OutboxRelay relay, Outbox outbox,
			TransactionTemplate transactions, String prefix) {
		relay.stop();
		for (int start = 0; start < BACKLOG; start += BATCH) {
			int first = start;
			transactions.executeWithoutResult((status) -> IntStream.range(first, first + BATCH)
				.forEach((i) -> outbox.append(UUID.randomUUID().toString(), 1,
						new SampleHappened(UUID.randomUUID(), prefix + i))));
		}
	}

	/** Starts the relay and times it publishing the backlog. */
	private static double relayRate(dev.flux.events.outbox.OutboxRelay relay, Counter published)
			throws InterruptedException {
		// Watch the relay's own counter: polling the table would load the database it is
		// draining.
		double before = published.count();
		long start = System.nanoTime();
		relay.start();
		while (published.count() - before < BACKLOG) {
			TimeUnit.MILLISECONDS.sleep(2);
		}
		return BACKLOG / seconds(System.nanoTime() - start);
	}

	private static void purge(com.rabbitmq.client.ConnectionFactory factory, String queue) throws Exception {
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			channel.queuePurge(queue);
		}
	}

	private static String percents(List<Double> ratios) {
		return ratios.stream().map((ratio) -> Math.round(100 * ratio) + "%").toList().toString();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static String rounded(List<Double> values) {
		return values.stream().map((value) -> String.valueOf(Math.round(value))).toList().toString();
	}

	/**
	 * Appends for {@link #LOAD_DURATION} from some threads, paced to a rate or as fast as
	 * possible.
	 */
	private static Load load(Outbox outbox, TransactionTemplate transactions, SampleHandler handler, JdbcTemplate jdbc,
			int threads, double ratePerSecond) throws Exception {
		String prefix = "bench-load-" + UUID.randomUUID() + "-";
		AtomicInteger appended = new AtomicInteger();
		long start = System.nanoTime();
		long end = start + LOAD_DURATION.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					int n = appended.getAndIncrement();
					if (ratePerSecond > 0) {
						long due = start + (long) (n * 1e9 / ratePerSecond);
						long wait = due - System.nanoTime();
						if (wait > 0) {
							TimeUnit.NANOSECONDS.sleep(wait);
						}
					}
					transactions.executeWithoutResult((status) -> outbox.append(UUID.randomUUID().toString(), 1,
							new SampleHappened(UUID.randomUUID(), prefix + n)));
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(LOAD_DURATION.toSeconds() + 60, TimeUnit.SECONDS);
		int total = Math.min(appended.get(),
				countLike(jdbc,
						"SELECT count(*) FROM flux_events.outbox_events WHERE envelope -> 'payload' ->> 'note' LIKE ?",
						prefix));
		waitUntilHandled(jdbc, prefix, total);
		double rate = total / seconds(System.nanoTime() - start);
		List<Long> latencies = new ArrayList<>(handler.drainBenchLatencies());
		latencies.sort(Long::compare);
		return new Load(rate, percentile(latencies, 0.50), percentile(latencies, 0.99));
	}

	private static void waitUntilHandled(JdbcTemplate jdbc, String prefix, int expected) throws InterruptedException {
		while (countLike(jdbc, "SELECT count(*) FROM sample_effects WHERE note LIKE ?", prefix) < expected) {
			TimeUnit.MILLISECONDS.sleep(20);
		}
	}

	private static int countLike(JdbcTemplate jdbc, String sql, String prefix) {
		Integer count = jdbc.queryForObject(sql, Integer.class, prefix + "%");
		return (count != null) ? count : 0;
	}

	private static double percentile(List<Long> sortedMicros, double quantile) {
		if (sortedMicros.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(quantile * sortedMicros.size()) - 1;
		return sortedMicros.get(Math.max(0, index)) / 1000.0;
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/** A load's throughput and latency percentiles in milliseconds. */
	private record Load(double rate, double p50, double p99) {

	}

}
