package dev.flux.events.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.outbox.Outbox;
import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handlers' writes deferred to the end of their batch ({@link DeferredWrites}, which the
 * sample handler writes its effects with): every event applied once and each aggregate's
 * in order, an aggregate's later event reading what its earlier ones wrote, and a write
 * that fails at the flush failing its own event alone.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class DeferredWritesTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private DeadLetters deadLetters;

	@Autowired
	private JdbcDeferredWrites writes;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void deferredWritesApplyEveryEventOfABatchOnceAndEachAggregateInOrder() {
		String prefix = "deferred-" + UUID.randomUUID() + "-";
		List<UUID> samples = IntStream.range(0, 20).mapToObj((i) -> UUID.randomUUID()).toList();
		// Each sample's three versions, interleaved with the others', in one
		// transaction: the relay sends them together, the consumer takes them in
		// batches.
		this.transactions.executeWithoutResult((status) -> {
			for (int version = 1; version <= 3; version++) {
				for (UUID sample : samples) {
					this.outbox.append(sample.toString(), version,
							new SampleHappened(sample, prefix + sample + "-" + version));
				}
			}
		});

		await().atMost(PATIENCE).until(() -> this.effects.applied(prefix) == 60);
		assertThat(this.effects.distinctApplied(prefix)).isEqualTo(60);
		assertThat(this.effects.transactions(prefix)).as("transactions that applied 60 events").isLessThan(60);
		for (UUID sample : samples) {
			assertThat(this.effects.versionsApplied(sample)).as("versions of %s in the order written", sample)
				.containsExactly(1L, 2L, 3L);
		}
	}

	@Test
	void anEventSeesWhatTheEarlierEventsOfItsAggregateDeferredInTheSameBatch() {
		String prefix = "seen-" + UUID.randomUUID() + "-";
		UUID sample = UUID.randomUUID();
		int count = 30;
		this.transactions.executeWithoutResult((status) -> {
			for (int version = 1; version <= count; version++) {
				// Another aggregate's event between two of the sample's.
				UUID other = UUID.randomUUID();
				this.outbox.append(other.toString(), 1, new SampleHappened(other, "other-" + prefix + version));
				this.outbox.append(sample.toString(), version, new SampleHappened(sample, prefix + version));
			}
		});

		await().atMost(PATIENCE).until(() -> this.effects.applied(prefix) == count);
		assertThat(this.effects.transactions(prefix)).as("some batch held more than one of the sample's events")
			.isLessThan(count);
		assertThat(this.effects.seenBefore(sample)).as("rows of the sample each handler saw")
			.containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
	}

	@Test
	void aDeferredWriteThatFailsAtTheFlushFailsItsOwnEventAloneAndIsDeadLetteredAfterItsRetries() {
		String prefix = "writable-" + UUID.randomUUID() + "-";
		List<String> notes = new ArrayList<>(IntStream.range(0, 60).mapToObj((i) -> prefix + i).toList());
		String unwritable = "unwritable-" + UUID.randomUUID();
		notes.set(30, unwritable);
		this.transactions.executeWithoutResult((status) -> notes.forEach((note) -> this.outbox
			.append(UUID.randomUUID().toString(), 1, new SampleHappened(UUID.randomUUID(), note))));

		await().atMost(PATIENCE).until(() -> this.effects.applied(prefix) == 59);
		DeadLetter dead = await().atMost(PATIENCE)
			.until(() -> this.deadLetters.list(null, 0, 1000)
				.stream()
				.filter((letter) -> letter.body().contains(unwritable))
				.findFirst()
				.orElse(null), (letter) -> letter != null);
		assertThat(dead.attempts()).as("its attempt on its own, then one per retry tier")
			.isEqualTo(SampleServiceApplication.RETRY_TIERS.size() + 1);
		assertThat(dead.errorMessage()).contains("sample_effects_writable");
		assertThat(this.effects.timesApplied(unwritable)).isZero();
		assertThat(this.effects.applied(prefix)).as("the neighbours were applied once, not again with each retry")
			.isEqualTo(59);
		assertThat(this.effects.distinctApplied(prefix)).isEqualTo(59);
	}

	@Test
	void aBatchKeepsEachAggregatesWritesInTheOrderTheyWereDeferred() {
		this.jdbc.execute(
				"CREATE TABLE IF NOT EXISTS deferred_steps (id bigserial PRIMARY KEY, aggregate text NOT NULL, step int NOT NULL)");
		String x = UUID.randomUUID().toString();
		String y = UUID.randomUUID().toString();
		String insert = "INSERT INTO deferred_steps (aggregate, step) VALUES (?, ?)";
		String select = "INSERT INTO deferred_steps (aggregate, step) SELECT ?, ?";
		this.transactions.executeWithoutResult((status) -> {
			try (JdbcDeferredWrites.Batch batch = this.writes.open()) {
				batch.handling(x);
				this.writes.update(insert, x, 1);
				this.writes.update(select, x, 2);
				this.writes.update(insert, x, 3);
				batch.handling(y);
				this.writes.update(insert, y, 1);
				this.writes.update(select, y, 2);
				assertThat(steps(x)).as("nothing written before the flush").isEmpty();
				batch.flush();
			}
		});

		assertThat(steps(x)).containsExactly(1, 2, 3);
		assertThat(steps(y)).containsExactly(1, 2);
	}

	@Test
	void writesAtOnceWhereNoBatchIsOpen() {
		this.jdbc.execute(
				"CREATE TABLE IF NOT EXISTS deferred_steps (id bigserial PRIMARY KEY, aggregate text NOT NULL, step int NOT NULL)");
		String aggregate = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult((status) -> {
			this.writes.update("INSERT INTO deferred_steps (aggregate, step) VALUES (?, ?)", aggregate, 1);
			assertThat(steps(aggregate)).containsExactly(1);
		});
	}

	private List<Integer> steps(String aggregate) {
		return this.jdbc.queryForList("SELECT step FROM deferred_steps WHERE aggregate = ? ORDER BY id", Integer.class,
				aggregate);
	}

}
