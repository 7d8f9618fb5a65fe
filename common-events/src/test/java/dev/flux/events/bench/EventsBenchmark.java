package dev.flux.events.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.contract.EventCodec;
import dev.flux.events.outbox.Outbox;
import dev.flux.events.sample.SampleHandler;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.events.topology.FluxTopology;

import static org.awaitility.Awaitility.await;

/**
 * {@code ./flux bench events}: in one run on the same broker, raw RabbitMQ (publishing
 * the relay's messages through {@code app.events}, and bare 400-byte messages through the
 * default exchange; one consumer acking each message with Flux's prefetch) against Flux:
 * the relay draining a backlog, the batched consumer on one partition and on four, end to
 * end at saturation and at 25% of it; then Spring Modulith's JDBC event publication
 * registry externalizing the same envelopes to the same queue, consumed by the same Flux
 * consumer, so that end to end is measured the same way for both (append or publish
 * before commit, to the handler in the consumer's transaction), each side at 25% of its
 * own saturation and both at 75% of Modulith's. Beside the rates, the CPU the broker,
 * PostgreSQL and this JVM spent per message (every such process of the machine: on a
 * shared machine, others' too). The figures go to {@code flux.bench.output} as JSON.
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
	 * Modulith's rounds are slower (about a thousand events a second by hand): fewer and
	 * shorter, still about ten seconds each.
	 */
	private static final int MODULITH_ROUNDS = 3;

	private static final int MODULITH_BACKLOG = 10_000;

	/**
	 * How long the consumer may take to drain one round's backlog before the bench fails.
	 */
	private static final Duration CONSUMER_TIMEOUT = Duration.ofMinutes(2);

	private static final int BATCH = 500;

	/** The sample service's queue, whose partitions the bench purges and counts. */
	private static final dev.flux.events.topology.ConsumerQueue SAMPLE_QUEUE = SampleServiceApplication.QUEUE;

	/** The prefetch of Flux's consumer, which the raw consumer uses too. */
	private static final int PREFETCH = 250;

	private static final Duration LOAD_DURATION = Duration.ofSeconds(15);

	/** Rounds of light load per side, taking turns. */
	private static final int LIGHT_ROUNDS = 3;

	private static final Duration LIGHT_DURATION = Duration.ofSeconds(10);

	/** The busier load both sides run at, as a share of Modulith's saturation. */
	private static final double BUSY_SHARE = 0.75;

	private EventsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleServiceApplication.class)
			.properties("spring.main.web-application-type=none", "logging.level.root=WARN")
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
		byte[] envelope = sampleEnvelope(outbox, transactions, jdbc);
		List<Double> bareRates = new ArrayList<>();
		List<Double> rawRates = new ArrayList<>();
		List<Double> partitionedRates = new ArrayList<>();
		List<Double> relayRates = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		ProcessCpu rawCpu = ProcessCpu.NONE;
		ProcessCpu relayCpu = ProcessCpu.NONE;
		// Round 0 warms up the JIT and the broker's queues on both sides and is not
		// counted.
		for (int round = 0; round <= ROUNDS; round++) {
			double bareRate = rawPublishRate(rabbit, null);
			ProcessCpu before = ProcessCpu.now();
			double rawRate = rawPublishRate(rabbit, envelope);
			ProcessCpu afterRaw = ProcessCpu.now();
			double partitionedRate = partitionedPublishRate(rabbit, envelope);
			appendBacklog(relay, outbox, transactions, backlogPrefix + round + "-", null);
			// Each side publishes into an empty queue: the raw side declares a fresh one,
			// and the consumer queue loses the previous round's backlog, which would
			// otherwise pile up to rounds x backlog and slow the broker down.
			purgePartitions(rabbit);
			ProcessCpu beforeRelay = ProcessCpu.now();
			double relayed = relayRate(relay, published);
			ProcessCpu afterRelay = ProcessCpu.now();
			if (round > 0) {
				bareRates.add(bareRate);
				rawRates.add(rawRate);
				partitionedRates.add(partitionedRate);
				relayRates.add(relayed);
				ratios.add(relayed / rawRate);
				rawCpu = rawCpu.plus(afterRaw.since(before));
				relayCpu = relayCpu.plus(afterRelay.since(beforeRelay));
			}
		}
		double bare = median(bareRates);
		double raw = median(rawRates);
		double relayRate = median(relayRates);
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   rounds %s%n",
				"raw publish, bare: 400-byte messages, default exchange", bare, rounded(bareRates));
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   rounds %s%n",
				"raw publish: the relay's messages, app.events, " + BATCH + "-message batches", raw, rounded(rawRates));
		System.out.printf(Locale.ROOT, "%-62s %s%n", "", rawCpu.perMessage(ROUNDS * BACKLOG));
		double partitioned = median(partitionedRates);
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   rounds %s%n",
				"raw publish through the partitions (informative)", partitioned, rounded(partitionedRates));
		System.out.printf(Locale.ROOT,
				"%-62s %10.0f msg/s   rounds %s   %.0f%% of raw publish (target >= 70%%), %.0f%% of bare%n",
				"flux relay: outbox backlog to broker", relayRate, rounded(relayRates), 100 * relayRate / raw,
				100 * relayRate / bare);
		System.out.printf(Locale.ROOT, "%-62s %s%n", "", relayCpu.perMessage(ROUNDS * BACKLOG));
		System.out.printf(Locale.ROOT, "%-62s %s%n", "relay / raw publish of each round", percents(ratios));
		System.out.printf(Locale.ROOT, "%-62s %.0f%%%n", "relay / raw publish through the partitions",
				100 * relayRate / partitioned);

		List<Double> rawConsumeRates = new ArrayList<>();
		ProcessCpu rawConsumeCpu = ProcessCpu.NONE;
		for (int round = 0; round <= 2; round++) {
			ProcessCpu beforeConsume = ProcessCpu.now();
			double rate = rawConsumeRate(rabbit, envelope);
			if (round > 0) {
				rawConsumeRates.add(rate);
				rawConsumeCpu = rawConsumeCpu.plus(ProcessCpu.now().since(beforeConsume));
			}
		}
		double rawConsume = median(rawConsumeRates);
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   rounds %s%n",
				"raw consume: one consumer, prefetch " + PREFETCH + ", an ack per message", rawConsume,
				rounded(rawConsumeRates));
		// Publishing the backlog is in the raw figure's CPU, not in its rate.
		System.out.printf(Locale.ROOT, "%-62s %s (its backlog's publishing included)%n", "",
				rawConsumeCpu.perMessage(2 * BACKLOG));

		// The queue has four partitions, a consumer each: a backlog of one aggregate is
		// all
		// in one partition, so one consumer drains it; one of many aggregates is spread
		// over
		// the four.
		purgePartitions(rabbit);
		appendBacklog(relay, outbox, transactions, backlogPrefix + "one-", UUID.randomUUID().toString());
		relayRate(relay, published);
		ProcessCpu beforeConsumer1 = ProcessCpu.now();
		double consumer1 = drain(consumers, handler);
		ProcessCpu consumer1Cpu = ProcessCpu.now().since(beforeConsumer1);
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   %.0f%% of raw consume%n",
				"flux consumer, 1 partition: " + BACKLOG + " queued events of one aggregate", consumer1,
				100 * consumer1 / rawConsume);
		System.out.printf(Locale.ROOT, "%-62s %s%n", "", consumer1Cpu.perMessage(BACKLOG));
		consumers.stop();
		appendBacklog(relay, outbox, transactions, backlogPrefix + "four-", null);
		relayRate(relay, published);
		ProcessCpu beforeConsumer4 = ProcessCpu.now();
		double consumer4 = drain(consumers, handler);
		ProcessCpu consumer4Cpu = ProcessCpu.now().since(beforeConsumer4);
		System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   %.0f%% of raw consume (target >= 30%%)%n",
				"flux consumer, 4 partitions: " + BACKLOG + " events of as many aggregates", consumer4,
				100 * consumer4 / rawConsume);
		System.out.printf(Locale.ROOT, "%-62s %s%n", "", consumer4Cpu.perMessage(BACKLOG));

		java.util.function.Consumer<String> fluxAppend = (note) -> transactions.executeWithoutResult((status) -> outbox
			.append(UUID.randomUUID().toString(), 1, new SampleHappened(UUID.randomUUID(), note)));
		Load saturated = load(fluxAppend, handler, jdbc, 4, 0, LOAD_DURATION);
		System.out.printf(Locale.ROOT, "%-58s %10.0f msg/s   p50 %6.1f ms   p99 %6.1f ms%n",
				"flux end to end at saturation (4 appenders)", saturated.rate(), saturated.p50(), saturated.p99());

		// Spring Modulith: the same envelopes, to the same exchange and queue, handled by
		// the same Flux consumer, so end to end is measured the same way.
		System.out.println("spring modulith 2.1.1: JDBC event publication registry, module-listener externalization;"
				+ " spring-modulith-events-amqp does not resolve here, so its RabbitTemplate externalizer is registered"
				+ " by the bench (ModulithSide)");
		Modulith modulith;
		Load light;
		Load sameLoad;
		Load busy;
		try (ConfigurableApplicationContext modulithContext = ModulithSide.start()) {
			ApplicationEventPublisher events = modulithContext;
			TransactionTemplate modulithTransactions = new TransactionTemplate(
					modulithContext.getBean(PlatformTransactionManager.class));
			EventCodec codec = context.getBean(EventCodec.class);
			java.util.function.Function<String, ModulithSide.Published> event = (note) -> {
				UUID sampleId = UUID.randomUUID();
				return new ModulithSide.Published(
						codec.toJson(codec.envelope(new SampleHappened(sampleId, note), UUID.randomUUID(),
								Instant.now(), "modulith-bench", sampleId.toString(), 1, UUID.randomUUID(), null)));
			};
			consumers.stop();
			List<Double> modulithRates = new ArrayList<>();
			for (int round = 0; round <= MODULITH_ROUNDS; round++) {
				purgePartitions(rabbit);
				String prefix = backlogPrefix + "modulith-" + round + "-";
				long start = System.nanoTime();
				for (int first = 0; first < MODULITH_BACKLOG; first += BATCH) {
					int from = first;
					modulithTransactions.executeWithoutResult((status) -> IntStream.range(from, from + BATCH)
						.forEach((i) -> events.publishEvent(event.apply(prefix + i))));
				}
				awaitQueued(rabbit, MODULITH_BACKLOG);
				double rate = MODULITH_BACKLOG / seconds(System.nanoTime() - start);
				if (round > 0) {
					modulithRates.add(rate);
				}
			}
			purgePartitions(rabbit);
			consumers.start();
			double modulithRate = median(modulithRates);
			System.out.printf(Locale.ROOT, "%-62s %10.0f msg/s   rounds %s   %.0f%% of raw publish%n",
					"modulith: " + MODULITH_BACKLOG + " events in transactions of " + BATCH + ", commit to queue",
					modulithRate, rounded(modulithRates), 100 * modulithRate / raw);
			java.util.function.Consumer<String> modulithAppend = (note) -> modulithTransactions
				.executeWithoutResult((status) -> events.publishEvent(event.apply(note)));
			Load modulithSaturated = load(modulithAppend, handler, jdbc, 4, 0, LOAD_DURATION);
			System.out.printf(Locale.ROOT, "%-58s %10.0f msg/s   p50 %6.1f ms   p99 %6.1f ms%n",
					"modulith end to end at saturation (4 publishers)", modulithSaturated.rate(),
					modulithSaturated.p50(), modulithSaturated.p99());
			// Light load in rounds taking turns, so that a slow spell of the machine
			// falls on every side: each side at 25% of its own saturation, and Flux at
			// Modulith's rate too (Flux's own 25% is the higher rate).
			List<List<Load>> lightRounds = takingTurns(
					List.of(() -> load(fluxAppend, handler, jdbc, 1, saturated.rate() / 4, LIGHT_DURATION),
							() -> load(modulithAppend, handler, jdbc, 1, modulithSaturated.rate() / 4, LIGHT_DURATION),
							() -> load(fluxAppend, handler, jdbc, 1, modulithSaturated.rate() / 4, LIGHT_DURATION)));
			light = printMedian("flux end to end at 25% of saturation (target p99 <= 25 ms)", lightRounds.get(0));
			Load modulithLight = printMedian("modulith end to end at 25% of its saturation", lightRounds.get(1));
			sameLoad = printMedian("flux end to end at modulith's rate (the same load)", lightRounds.get(2));
			// A busier load, the same for both: 75% of Modulith's saturation, from two
			// threads, where queueing behind each side's per-event work shows.
			double busyRate = BUSY_SHARE * modulithSaturated.rate();
			List<List<Load>> busyRounds = takingTurns(
					List.of(() -> load(fluxAppend, handler, jdbc, 2, busyRate, LIGHT_DURATION),
							() -> load(modulithAppend, handler, jdbc, 2, busyRate, LIGHT_DURATION)));
			busy = printMedian("flux end to end at 75% of modulith's saturation", busyRounds.get(0));
			Load modulithBusy = printMedian("modulith end to end at 75% of its saturation", busyRounds.get(1));
			modulith = new Modulith(modulithRate, modulithSaturated.rate(), modulithLight, modulithBusy);
		}
		System.out
			.println("guarantees: flux relay: per-aggregate order (one active relay, id order), publisher confirms"
					+ " and mandatory routing before a row is marked; modulith module-listener: sent after each commit"
					+ " on the task executor's threads (no order across them), no publisher confirms");

		boolean met = relayRate / raw >= 0.7 && consumer4 / rawConsume >= 0.3 && light.p99() <= 25
				&& relayRate > modulith.rate() && saturated.rate() > modulith.saturated()
				&& light.p99() <= modulith.light().p99() && busy.p99() < modulith.busy().p99();
		System.out.printf(Locale.ROOT,
				"RESULT relay/raw publish %.2f, consumer_4/raw consume %.2f, p50@25%% %.1f ms, p99@25%% %.1f ms"
						+ " (modulith %.1f), p99@75%% of modulith's saturation %.1f ms (modulith %.1f): %s%n",
				relayRate / raw, consumer4 / rawConsume, light.p50(), light.p99(), modulith.light().p99(), busy.p99(),
				modulith.busy().p99(), met ? "targets met" : "TARGETS MISSED");
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("raw_publish", Math.round(raw));
		figures.put("raw_publish_bare", Math.round(bare));
		figures.put("raw_publish_partitioned", Math.round(partitioned));
		figures.put("relay", Math.round(relayRate));
		figures.put("modulith_relay", Math.round(modulith.rate()));
		figures.put("raw_consume", Math.round(rawConsume));
		figures.put("consumer_1", Math.round(consumer1));
		figures.put("consumer_4", Math.round(consumer4));
		figures.put("e2e_p50_ms", round1(light.p50()));
		figures.put("e2e_p99_ms", round1(light.p99()));
		figures.put("modulith_e2e_p50_ms", round1(modulith.light().p50()));
		figures.put("modulith_e2e_p99_ms", round1(modulith.light().p99()));
		figures.put("e2e_commit_p99_ms", round1(light.commitP99()));
		figures.put("e2e_after_commit_p99_ms", round1(light.afterCommitP99()));
		figures.put("modulith_e2e_commit_p99_ms", round1(modulith.light().commitP99()));
		figures.put("modulith_e2e_after_commit_p99_ms", round1(modulith.light().afterCommitP99()));
		figures.put("e2e_same_load_rate", Math.round(sameLoad.rate()));
		figures.put("e2e_same_load_p50_ms", round1(sameLoad.p50()));
		figures.put("e2e_same_load_p99_ms", round1(sameLoad.p99()));
		figures.put("e2e_busy_rate", Math.round(busy.rate()));
		figures.put("e2e_busy_p50_ms", round1(busy.p50()));
		figures.put("e2e_busy_p99_ms", round1(busy.p99()));
		figures.put("modulith_e2e_busy_p50_ms", round1(modulith.busy().p50()));
		figures.put("modulith_e2e_busy_p99_ms", round1(modulith.busy().p99()));
		figures.put("e2e_saturation", Math.round(saturated.rate()));
		figures.put("modulith_e2e_saturation", Math.round(modulith.saturated()));
		writeJson(figures);
	}

	/** Starts paused consumers and times them handling the backlog queued for them. */
	private static double drain(Lifecycle consumers, SampleHandler handler) {
		handler.drainBenchReceipts();
		long start = System.nanoTime();
		consumers.start();
		await("the consumer handling a backlog").atMost(CONSUMER_TIMEOUT)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> handler.benchHandled() >= BACKLOG);
		double rate = BACKLOG / seconds(System.nanoTime() - start);
		handler.drainBenchReceipts();
		return rate;
	}

	/**
	 * The JSON figures, for scripts: {@code flux.bench.output}, by default
	 * {@code .flux/bench/events.json} under the working directory.
	 */
	private static void writeJson(Map<String, Object> figures) throws java.io.IOException {
		Path file = Path.of(System.getProperty("flux.bench.output", ".flux/bench/events.json"));
		Files.createDirectories(file.toAbsolutePath().getParent());
		String json = figures.entrySet()
			.stream()
			.map((entry) -> "  \"" + entry.getKey() + "\": " + entry.getValue())
			.collect(Collectors.joining(",\n", "{\n", "\n}\n"));
		Files.writeString(file, json);
		System.out.println("figures written to " + file.toAbsolutePath());
	}

	private static double round1(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/**
	 * One event's envelope as the relay sends it, so that the raw side publishes messages
	 * of the same size.
	 */
	private static byte[] sampleEnvelope(Outbox outbox, TransactionTemplate transactions, JdbcTemplate jdbc) {
		UUID eventId = transactions.execute(
				(status) -> outbox
					.append(UUID.randomUUID().toString(), 1,
							new SampleHappened(UUID.randomUUID(), "bench-shape-" + UUID.randomUUID()))
					.eventId());
		String envelope = jdbc.queryForObject("SELECT envelope::text FROM flux_events.outbox_events WHERE event_id = ?",
				String.class, eventId);
		return envelope.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A fresh quorum queue holding a backlog of messages, then one consumer draining it
	 * with Flux's prefetch, acknowledging each message.
	 */
	private static double rawConsumeRate(com.rabbitmq.client.ConnectionFactory factory, byte[] body) throws Exception {
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			String queue = "bench.raw." + UUID.randomUUID();
			channel.queueDeclare(queue, true, false, false, java.util.Map.of("x-queue-type", "quorum"));
			channel.confirmSelect();
			for (int sent = 0; sent < BACKLOG; sent += BATCH) {
				for (int i = 0; i < BATCH; i++) {
					channel.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC, body);
				}
				channel.waitForConfirmsOrDie(30_000);
			}
			channel.basicQos(PREFETCH);
			java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(BACKLOG);
			long start = System.nanoTime();
			String tag = channel.basicConsume(queue, false, (consumerTag, delivery) -> {
				channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
				drained.countDown();
			}, (consumerTag) -> {
			});
			if (!drained.await(CONSUMER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("The raw consumer did not drain its queue in " + CONSUMER_TIMEOUT);
			}
			double rate = BACKLOG / seconds(System.nanoTime() - start);
			channel.basicCancel(tag);
			channel.queueDelete(queue);
			return rate;
		}
	}

	/**
	 * Persistent messages to a durable quorum queue in batches of the relay's size, with
	 * the same window the relay keeps: the next batch is sent while the previous one is
	 * being confirmed.
	 */
	private static double rawPublishRate(com.rabbitmq.client.ConnectionFactory factory, byte @Nullable [] envelope)
			throws Exception {
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			String queue = "bench.raw." + UUID.randomUUID();
			channel.queueDeclare(queue, true, false, false, java.util.Map.of("x-queue-type", "quorum"));
			// The relay's shape: through the topic exchange, with the properties the
			// relay sets, the same bytes; bare: 400 bytes through the default exchange.
			String exchange = (envelope != null) ? FluxTopology.EVENTS_EXCHANGE : "";
			if (envelope != null) {
				channel.queueBind(queue, exchange, queue);
			}
			double rate = timedPublish(channel, exchange, queue,
					() -> (envelope != null) ? relayProperties(null) : MessageProperties.PERSISTENT_BASIC,
					(envelope != null) ? envelope : new byte[400]);
			channel.queueDelete(queue);
			return rate;
		}
	}

	/**
	 * The relay's messages, with its aggregate header (a new aggregate each), through
	 * {@code app.events} and the sample service's consistent-hash exchange into its four
	 * partitions, as the relay sends them: what the broker's routing to partitions costs.
	 * Informative, beside the target's raw publish.
	 */
	private static double partitionedPublishRate(com.rabbitmq.client.ConnectionFactory factory, byte[] envelope)
			throws Exception {
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			return timedPublish(channel, FluxTopology.EVENTS_EXCHANGE, "sample.happened",
					() -> relayProperties(UUID.randomUUID().toString()), envelope);
		}
	}

	/**
	 * Publishes the backlog in batches of the relay's size with confirms, the next batch
	 * sent while the previous one is being confirmed, as the relay does.
	 */
	private static double timedPublish(Channel channel, String exchange, String routingKey,
			java.util.function.Supplier<AMQP.BasicProperties> properties, byte[] body) throws Exception {
		channel.confirmSelect();
		java.util.concurrent.ConcurrentSkipListSet<Long> outstanding = new java.util.concurrent.ConcurrentSkipListSet<>();
		channel.addConfirmListener((tag, multiple) -> settle(outstanding, tag, multiple),
				(tag, multiple) -> settle(outstanding, tag, multiple));
		long start = System.nanoTime();
		for (int sent = 0; sent < BACKLOG; sent += BATCH) {
			for (int i = 0; i < BATCH; i++) {
				outstanding.add(channel.getNextPublishSeqNo());
				channel.basicPublish(exchange, routingKey, true, properties.get(), body);
			}
			while (outstanding.size() > BATCH) {
				TimeUnit.MICROSECONDS.sleep(100);
			}
		}
		while (!outstanding.isEmpty()) {
			TimeUnit.MICROSECONDS.sleep(100);
		}
		return BACKLOG / seconds(System.nanoTime() - start);
	}

	/**
	 * The AMQP properties the relay sets on an event; with an aggregate, its header too.
	 */
	private static AMQP.BasicProperties relayProperties(@Nullable String aggregateId) {
		return new AMQP.BasicProperties.Builder().messageId(UUID.randomUUID().toString())
			.headers((aggregateId != null) ? Map.of(FluxTopology.AGGREGATE_HEADER, aggregateId) : null)
			.type("sample.happened")
			.correlationId(UUID.randomUUID().toString())
			.contentType("application/json")
			.contentEncoding(StandardCharsets.UTF_8.name())
			.deliveryMode(2)
			.timestamp(new java.util.Date())
			.appId("sample-service")
			.build();
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
	/**
	 * Appends a backlog with the relay stopped: events of one aggregate (in order, so all
	 * in one partition) or, without one, each of its own.
	 */
	private static void appendBacklog(dev.flux.events.outbox.OutboxRelay relay, Outbox outbox,
			TransactionTemplate transactions, String prefix, @Nullable String aggregateId) {
		relay.stop();
		for (int start = 0; start < BACKLOG; start += BATCH) {
			int first = start;
			transactions.executeWithoutResult((status) -> IntStream.range(first, first + BATCH)
				.forEach((i) -> outbox.append((aggregateId != null) ? aggregateId : UUID.randomUUID().toString(),
						(aggregateId != null) ? i + 1 : 1, new SampleHappened(UUID.randomUUID(), prefix + i))));
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

	private static void purgePartitions(com.rabbitmq.client.ConnectionFactory factory) throws Exception {
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			for (String partition : SAMPLE_QUEUE.partitionNames()) {
				channel.queuePurge(partition);
			}
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
	 * {@link #LIGHT_ROUNDS} rounds of every load, taking turns: each round starts with
	 * the next one, so that each runs first once (right after the heavy phases, whose
	 * background work slows whatever comes next). The rounds of each load, in the loads'
	 * order.
	 */
	private static List<List<Load>> takingTurns(List<Callable<Load>> loads) throws Exception {
		List<List<Load>> rounds = new ArrayList<>();
		loads.forEach((load) -> rounds.add(new ArrayList<>()));
		for (int round = 0; round < LIGHT_ROUNDS; round++) {
			for (int turn = 0; turn < loads.size(); turn++) {
				int next = (round + turn) % loads.size();
				rounds.get(next).add(loads.get(next).call());
			}
		}
		return rounds;
	}

	/**
	 * Prints the median rate, p50 and p99 of some rounds of light load, each taken on its
	 * own, with each round's p99, and returns them.
	 */
	private static Load printMedian(String label, List<Load> rounds) {
		Load median = new Load(median(rounds, Load::rate), median(rounds, Load::p50), median(rounds, Load::p99),
				median(rounds, Load::commitP50), median(rounds, Load::commitP99), median(rounds, Load::afterCommitP50),
				median(rounds, Load::afterCommitP99));
		System.out.printf(Locale.ROOT, "%-58s %10.0f msg/s   p50 %6.1f ms   p99 %6.1f ms   rounds p99 %s%n", label,
				median.rate(), median.p50(), median.p99(),
				rounds.stream().map((round) -> String.format(Locale.ROOT, "%.1f", round.p99())).toList());
		System.out.printf(Locale.ROOT, "%-58s commit p50 %.1f p99 %.1f ms; commit to handler p50 %.1f p99 %.1f ms%n",
				"", median.commitP50(), median.commitP99(), median.afterCommitP50(), median.afterCommitP99());
		return median;
	}

	private static double median(List<Load> rounds, java.util.function.ToDoubleFunction<Load> figure) {
		return median(rounds.stream().map(figure::applyAsDouble).toList());
	}

	/**
	 * Appends for {@code duration} from some threads, paced to a rate or as fast as
	 * possible.
	 */
	private static Load load(java.util.function.Consumer<String> append, SampleHandler handler, JdbcTemplate jdbc,
			int threads, double ratePerSecond, Duration duration) throws Exception {
		String prefix = "bench-load-" + UUID.randomUUID() + "-";
		AtomicInteger started = new AtomicInteger();
		AtomicInteger committed = new AtomicInteger();
		// When each append's transaction returned, and how long it took: the split
		// between
		// the producer's commit and the way from there to the handler.
		Map<String, Long> committedAt = new java.util.concurrent.ConcurrentHashMap<>();
		java.util.concurrent.ConcurrentLinkedQueue<Long> commitMicros = new java.util.concurrent.ConcurrentLinkedQueue<>();
		handler.drainBenchReceipts();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					int n = started.getAndIncrement();
					if (ratePerSecond > 0) {
						long due = start + (long) (n * 1e9 / ratePerSecond);
						long wait = due - System.nanoTime();
						if (wait > 0) {
							TimeUnit.NANOSECONDS.sleep(wait);
						}
					}
					long before = System.nanoTime();
					append.accept(prefix + n);
					long after = System.nanoTime();
					committedAt.put(prefix + n, after);
					commitMicros.add((after - before) / 1000);
					committed.incrementAndGet();
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
		int total = committed.get();
		waitUntilHandled(jdbc, prefix, total);
		double rate = total / seconds(System.nanoTime() - start);
		List<SampleHandler.BenchReceipt> receipts = handler.drainBenchReceipts();
		List<Long> latencies = receipts.stream().map(SampleHandler.BenchReceipt::latencyMicros).sorted().toList();
		// Each handled event's commit (since the round's start) and its way from there to
		// the handler, in nanoseconds.
		List<long[]> stages = receipts.stream()
			.filter((receipt) -> committedAt.containsKey(receipt.note()))
			.map((receipt) -> {
				long commit = committedAt.get(receipt.note());
				return new long[] { commit - start, Math.max(0, receipt.receivedNanos() - commit) };
			})
			.toList();
		List<Long> afterCommit = stages.stream().map((stage) -> stage[1] / 1000).sorted().toList();
		List<Long> commits = commitMicros.stream().sorted().toList();
		if (Boolean.getBoolean("flux.bench.slow")) {
			List<String> slow = stages.stream()
				.filter((stage) -> stage[1] > 10_000_000L)
				.map((stage) -> String.format(Locale.ROOT, "%.3f+%.1f", stage[0] / 1e9, stage[1] / 1e6))
				.sorted()
				.toList();
			System.out.println("SLOW " + slow.size() + " " + slow);
		}
		return new Load(rate, percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(commits, 0.50),
				percentile(commits, 0.99), percentile(afterCommit, 0.50), percentile(afterCommit, 0.99));
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

	/**
	 * Spring Modulith's figures: commit-to-queue rate, end to end at saturation, at 25%
	 * and at 75% of it.
	 */
	private record Modulith(double rate, double saturated, Load light, Load busy) {

	}

	/**
	 * Waits until the sample partitions hold some messages (read with passive declares).
	 */
	private static void awaitQueued(com.rabbitmq.client.ConnectionFactory factory, int messages) throws Exception {
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			while (queued(channel) < messages) {
				TimeUnit.MILLISECONDS.sleep(10);
			}
		}
	}

	private static long queued(Channel channel) throws Exception {
		long queued = 0;
		for (String partition : SAMPLE_QUEUE.partitionNames()) {
			queued += channel.queueDeclarePassive(partition).getMessageCount();
		}
		return queued;
	}

	/**
	 * A load's throughput and latency percentiles in milliseconds, end to end and split
	 * in two stages: the producer's transaction (append and commit), and from its commit
	 * to the handler.
	 */
	private record Load(double rate, double p50, double p99, double commitP50, double commitP99, double afterCommitP50,
			double afterCommitP99) {

	}

}
