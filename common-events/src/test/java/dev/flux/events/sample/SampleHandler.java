package dev.flux.events.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.outbox.Outbox;
import dev.flux.events.tracing.EventContext;

/**
 * Applies sample events. Notes starting with {@code poison} fail until
 * {@link #cure(String)} is called for them, {@code toxic} ones always; every attempt is
 * timed, so tests can check retry delays. Attempts and cures are shared by the handlers
 * of every test context: the sample queue's partitions are consumed by whichever cached
 * context's consumer the broker made the active one, not necessarily the test's own. The
 * first time any instance meets a note starting with {@code crash-broker-} it drops its
 * broker connection in the middle of the handler's transaction, and with
 * {@code crash-database-} its database connection.
 */
public class SampleHandler implements EventHandler<SampleHappened> {

	private final SampleEffects effects;

	private final Outbox outbox;

	/** Crash notes met, shared by the instances of every test context. */
	private static final Set<String> crashed = ConcurrentHashMap.newKeySet();

	private final CachingConnectionFactory broker;

	private final JdbcTemplate database;

	private static final Map<String, List<Instant>> attempts = new ConcurrentHashMap<>();

	private static final Set<String> cured = ConcurrentHashMap.newKeySet();

	// Not a CopyOnWriteArrayList: a bench run adds tens of thousands, and copying the
	// whole list on each add made the consumer look several times slower than it is.
	private final ConcurrentLinkedQueue<BenchReceipt> benchReceipts = new ConcurrentLinkedQueue<>();

	SampleHandler(SampleEffects effects, Outbox outbox, CachingConnectionFactory broker, JdbcTemplate database) {
		this.effects = effects;
		this.outbox = outbox;
		this.broker = broker;
		this.database = database;
	}

	@Override
	public void handle(SampleHappened payload, EventEnvelope envelope) {
		attempts.computeIfAbsent(payload.note(), (note) -> new CopyOnWriteArrayList<>()).add(Instant.now());
		if (payload.note().startsWith("poison") && !cured.contains(payload.note())) {
			throw new IllegalStateException("cannot digest " + payload.note());
		}
		if (payload.note().startsWith("toxic")) {
			throw new IllegalStateException("never digests " + payload.note());
		}
		if (payload.note().startsWith("crash-broker-") && crashed.add(payload.note())) {
			this.broker.resetConnection();
		}
		if (payload.note().startsWith("crash-database-") && crashed.add(payload.note())) {
			this.database.execute("SELECT pg_terminate_backend(pg_backend_pid())");
		}
		if (payload.note().startsWith("flaky-") && attempts(payload.note()).size() == 1) {
			throw new IllegalStateException("first attempt at " + payload.note() + " fails");
		}
		this.effects.record(envelope, payload, EventContext.current().map(EventContext::traceparent).orElse(null));
		if (payload.note().startsWith("bench-")) {
			this.benchReceipts.add(new BenchReceipt(payload.note(),
					Duration.between(envelope.occurredAt(), Instant.now()).toNanos() / 1000, System.nanoTime()));
		}
		if (payload.note().startsWith("chain-")) {
			this.outbox.append(payload.sampleId().toString(), envelope.aggregateVersion() + 1,
					new SampleHappened(payload.sampleId(), "followup-" + payload.note()));
		}
	}

	/** When each attempt at the event with this note started. */
	public List<Instant> attempts(String note) {
		return attempts.getOrDefault(note, List.of());
	}

	/** Takes the receipts of the {@code bench-} events handled since the last call. */
	public List<BenchReceipt> drainBenchReceipts() {
		List<BenchReceipt> drained = new ArrayList<>();
		for (BenchReceipt receipt = this.benchReceipts.poll(); receipt != null; receipt = this.benchReceipts.poll()) {
			drained.add(receipt);
		}
		return drained;
	}

	/** How many {@code bench-} events were handled and not yet drained. */
	public int benchHandled() {
		return this.benchReceipts.size();
	}

	/** Whether some instance met this crash note. */
	public static boolean crashed(String note) {
		return crashed.contains(note);
	}

	/** Fixes the cause of a poison event's failures, as an operator's fix would. */
	public void cure(String note) {
		cured.add(note);
	}

	/**
	 * A {@code bench-} event handled: its append-to-handled latency (microseconds; the
	 * commit and the handler's transaction included), and when the handler ran
	 * ({@link System#nanoTime()}), to split the latency at the producer's commit.
	 */
	public record BenchReceipt(String note, long latencyMicros, long receivedNanos) {

	}

}
