package dev.flux.events.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Moves outbox rows to the broker: while it is the active relay of its service it claims
 * pending rows in id order, publishes them with confirms and marks them published only
 * after a positive confirm without a return. Idle, it sleeps until a commit wakes it (in
 * the JVM when the commit is its own instance's, by a notification otherwise) or the poll
 * interval. When the broker or the database fails it backs off exponentially; nothing is
 * lost, the rows wait. Started and stopped with the application context.
 */
public final class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration WAIT_SLICE = Duration.ofMillis(200);

	private static final Duration RESCAN_INTERVAL = Duration.ofSeconds(1);

	/**
	 * How long a confirmed batch under a full batch waits for more before they are marked
	 * together: a mark only has to come before a resend would, and under light traffic
	 * each confirm is one event.
	 */
	private static final Duration MARK_LINGER = Duration.ofMillis(10);

	/**
	 * How often the relay also settles, waits for its marks and starts again from the
	 * oldest pending row, so that no bookkeeping of its own can keep a row waiting
	 * longer.
	 */
	private static final Duration RESYNC_INTERVAL = Duration.ofMinutes(1);

	private final OutboxStore store;

	private final OutboxPublisher publisher;

	private final RelayLeadership leadership;

	private final OutboxProperties properties;

	private final OutboxMetrics metrics;

	private final RelayObserver observer;

	private final RelayWake wake = new RelayWake();

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant failingSince;

	private Instant nextPurge = Instant.now();

	private boolean autoStartup = true;

	private @Nullable ScheduledExecutorService marker;

	private @Nullable Future<?> lastMark;

	private long sentUpTo;

	/**
	 * The batches sent whose confirms have not been taken yet, oldest first. Under light
	 * traffic many small ones may be in flight: a commit never waits for the confirms of
	 * an earlier one before it is sent. Only the relay's thread touches it.
	 */
	private final Deque<OutboxPublisher.InFlight> inFlight = new ArrayDeque<>();

	/** The batch read while over a full batch was in flight, sent next. */
	private @Nullable List<PendingEvent> readAhead;

	/**
	 * The ids of the rows sent whose mark has not committed yet: any other pending row up
	 * to {@link #sentUpTo} was never sent.
	 */
	private final Set<Long> unmarked = ConcurrentHashMap.newKeySet();

	/** Whether a run of the marker is due and has not started. */
	private final AtomicBoolean markQueued = new AtomicBoolean();

	/** Batches confirmed by the broker, waiting for the marker thread. */
	private final ConcurrentLinkedQueue<Confirmed> confirmed = new ConcurrentLinkedQueue<>();

	/**
	 * Where {@link #sentUpTo} stood at the rescan before the last one: a row below it
	 * that is still pending was appended over a second ago, and the next rescan finds it.
	 * A wake looks only above it, so that it does not read through the deleted pending
	 * rows at the head of the queue's index.
	 */
	private long olderFloor;

	/** Where {@link #sentUpTo} stood at the last rescan. */
	private long recentFloor;

	private volatile boolean rescan;

	private long lastRescan = System.nanoTime();

	private long lastResync = System.nanoTime();

	OutboxRelay(OutboxStore store, OutboxPublisher publisher, RelayLeadership leadership, OutboxProperties properties,
			OutboxMetrics metrics, RelayObserver observer) {
		this.store = store;
		this.publisher = publisher;
		this.leadership = leadership;
		this.properties = properties;
		this.metrics = metrics;
		this.observer = observer;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.publisher.onAnswer(this.wake::nudge);
		this.leadership.start(this.wake, this.store.notifier(), this.properties.standbyInterval());
		this.marker = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("flux-outbox-marker").daemon().factory());
		this.thread = Thread.ofPlatform().name("flux-outbox-relay").daemon().start(this::run);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			current.interrupt();
			try {
				current.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
		try {
			flushMarks();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.debug("Events in flight at stop were not confirmed; they stay pending", ex);
		}
		ExecutorService marking = this.marker;
		if (marking != null) {
			marking.shutdown();
		}
		this.leadership.close();
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the consumers (which may still append) and before the connection
	 * factories.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1000;
	}

	/** Whether this instance's relay is the active one of its service. */
	public boolean isActive() {
		return this.running && this.leadership.isLeader();
	}

	/** Why the last round failed, while rounds keep failing. */
	public @Nullable String lastError() {
		return this.lastError;
	}

	/** Since when rounds have kept failing, if they do. */
	public @Nullable Instant failingSince() {
		return this.failingSince;
	}

	private void run() {
		Duration backoff = this.properties.initialBackoff();
		while (this.running) {
			try {
				if (!this.leadership.tryLead()) {
					this.readAhead = null;
					// Becoming the active one signals the wake.
					this.wake.await(this.properties.standbyInterval());
					continue;
				}
				int relayed = relayBatch();
				recovered();
				backoff = this.properties.initialBackoff();
				if (relayed < this.properties.batchSize()) {
					purgeWhenDue();
					// A partial batch took every row committed before it was read; each
					// commit since has signalled the wake, so another read now would
					// mostly find nothing.
					awaitWork();
				}
			}
			catch (Exception ex) {
				if (!this.running) {
					break;
				}
				failed(ex, backoff);
				// A batch read ahead may be stale once the relay has backed off.
				this.readAhead = null;
				if (!(ex instanceof BrokerUnavailableException)) {
					this.leadership.resign();
				}
				pause(backoff);
				backoff = min(backoff.multipliedBy(2), this.properties.maxBackoff());
			}
		}
	}

	/**
	 * Publishes the next batch after the ones in flight, and hands marking each confirmed
	 * batch to the marker thread, so that the database work of one batch overlaps the
	 * broker's confirms of the next. It waits for confirms only with over a full batch in
	 * flight, and then reads the next batch first, so that it leaves the moment the older
	 * batch is confirmed instead of a query later; a small batch never waits for the
	 * confirms of the one before (a quorum queue confirms after its log's fsync). Rows
	 * commit out of id order now and then: every second from the oldest pending row, and
	 * when woken with nothing after the rows sent from where they stood a second or two
	 * ago, it looks for pending rows it has not sent (those it sent and has not yet
	 * marked are left out), without waiting for the marks. A failed mark leaves rows
	 * PENDING: the relay then waits for the marks and rescans from the oldest pending row
	 * (consumers are idempotent), as it also does every minute. Once the rows are all
	 * sent, it waits for the next commit or the last batch's confirms, whichever comes
	 * first, and never for its mark.
	 */
	private int relayBatch() throws InterruptedException {
		if (this.rescan || System.nanoTime() - this.lastResync > RESYNC_INTERVAL.toNanos()) {
			// The batches in flight are settled first, or the rescan would find their
			// rows still pending and send them a second time.
			while (!this.inFlight.isEmpty()) {
				settleOldest();
			}
			flushMarks();
		}
		List<PendingEvent> batch = this.readAhead;
		this.readAhead = null;
		if (batch == null) {
			batch = this.store.pendingAfter(this.sentUpTo, this.properties.batchSize());
		}
		List<PendingEvent> late = lateRows(batch.isEmpty());
		if (!late.isEmpty()) {
			if (!batch.isEmpty()) {
				// The batch after the rows sent is read again, at once.
				this.wake.signal();
			}
			batch = late;
		}
		if (!batch.isEmpty()) {
			OutboxPublisher.InFlight sent;
			try {
				sent = this.publisher.send(batch);
			}
			catch (RuntimeException ex) {
				this.inFlight.clear();
				flushMarks();
				throw new BrokerUnavailableException(
						"Publishing " + batch.size() + " events failed: " + ex.getMessage(), ex);
			}
			batch.forEach((event) -> this.unmarked.add(event.id()));
			this.sentUpTo = Math.max(this.sentUpTo, batch.getLast().id());
			this.inFlight.addLast(sent);
		}
		settleAnswered();
		if (eventsInFlight() > this.properties.batchSize()) {
			// Over a full batch in flight: read the next one while the oldest's confirms
			// come, and leave the moment they do.
			List<PendingEvent> next = (batch.size() == this.properties.batchSize()) ? readAhead() : null;
			while (eventsInFlight() > this.properties.batchSize()) {
				settleOldest();
			}
			this.readAhead = next;
		}
		return batch.size();
	}

	/**
	 * Pending rows below the rows sent that it has not sent (rows that committed late):
	 * from the oldest every second, and from where the rows sent stood a second or two
	 * ago when nothing came after them; otherwise none, without a query.
	 */
	private List<PendingEvent> lateRows(boolean nothingAfter) {
		boolean rescanDue = System.nanoTime() - this.lastRescan > RESCAN_INTERVAL.toNanos();
		if (this.sentUpTo == 0 || !(nothingAfter || rescanDue)) {
			return List.of();
		}
		long after = this.olderFloor;
		if (rescanDue) {
			after = 0;
			this.lastRescan = System.nanoTime();
			this.olderFloor = this.recentFloor;
			this.recentFloor = this.sentUpTo;
		}
		return this.store.pendingBetween(after, this.sentUpTo + 1, this.unmarked.toArray(Long[]::new),
				this.properties.batchSize());
	}

	/**
	 * The batch after the ones in flight, or null if the database did not answer: the
	 * batch in flight is settled either way, and the next round reads again.
	 */
	private @Nullable List<PendingEvent> readAhead() {
		try {
			return this.store.pendingAfter(this.sentUpTo, this.properties.batchSize());
		}
		catch (RuntimeException ex) {
			logger.debug("Reading the next batch ahead failed; it is read after the confirms instead", ex);
			return null;
		}
	}

	/** Settles the batches at the head of those in flight whose confirms have come. */
	private void settleAnswered() throws InterruptedException {
		while (!this.inFlight.isEmpty() && this.publisher.answered(this.inFlight.peekFirst())) {
			settleOldest();
		}
	}

	/**
	 * Waits for the oldest batch in flight's confirms and hands marking it to the marker
	 * thread.
	 */
	private void settleOldest() throws InterruptedException {
		OutboxPublisher.InFlight sent = this.inFlight.removeFirst();
		PublishOutcome outcome = this.publisher.await(sent);
		this.observer.published(sent.events(), outcome);
		if (!outcome.unconfirmed().isEmpty()) {
			// The batches sent after it stay pending too: the rescan sends them again.
			this.inFlight.clear();
			this.publisher.close();
			flushMarks();
			this.store.recordFailedAttempt(outcome.unconfirmed(), String.valueOf(outcome.problem()));
			this.metrics.recorded(sent.events(), outcome);
			throw new BrokerUnavailableException(outcome.unconfirmed().size() + " of " + sent.events().size()
					+ " events were not confirmed (" + outcome.problem() + "); they will be sent again", null);
		}
		ScheduledExecutorService current = this.marker;
		if (current == null) {
			throw new IllegalStateException("The relay is not started");
		}
		this.confirmed.add(new Confirmed(sent.events(), outcome));
		if (!this.markQueued.getAndSet(true)) {
			long linger = (sent.events().size() >= this.properties.batchSize()) ? 0 : MARK_LINGER.toNanos();
			this.lastMark = current.schedule(this::markConfirmed, linger, TimeUnit.NANOSECONDS);
		}
	}

	private int eventsInFlight() {
		return this.inFlight.stream().mapToInt((batch) -> batch.events().size()).sum();
	}

	/**
	 * Marks every batch confirmed so far in one transaction: under light traffic a batch
	 * is an event or two, and one transaction for each would be as many round trips.
	 */
	private void markConfirmed() {
		this.markQueued.set(false);
		List<Confirmed> batches = new ArrayList<>();
		for (Confirmed next = this.confirmed.poll(); next != null; next = this.confirmed.poll()) {
			batches.add(next);
		}
		if (batches.isEmpty()) {
			return;
		}
		try {
			List<Long> published = batches.stream().flatMap((batch) -> batch.outcome().confirmed().stream()).toList();
			if (!published.isEmpty()) {
				this.store.markPublished(published);
			}
			for (Confirmed batch : batches) {
				for (PublishOutcome.Returned returned : batch.outcome().returned()) {
					logger.error("Outbox event {} was returned by the broker and is marked FAILED: {}", returned.id(),
							returned.reason());
					this.store.markFailed(returned.id(), returned.reason());
				}
				// After the commit: a relay reading late rows no longer finds these.
				batch.events().forEach((event) -> this.unmarked.remove(event.id()));
				this.metrics.recorded(batch.events(), batch.outcome());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Marking {} published events failed; they will be sent again: {}",
					batches.stream().mapToInt((batch) -> batch.events().size()).sum(), ex.getMessage());
			this.rescan = true;
		}
	}

	/**
	 * Waits for the marks in flight; afterwards the next batch starts from the oldest
	 * pending row.
	 */
	private void flushMarks() throws InterruptedException {
		Future<?> pending = this.lastMark;
		if (pending != null) {
			try {
				pending.get();
			}
			catch (ExecutionException ex) {
				logger.warn("Marking published events failed", ex.getCause());
			}
		}
		this.lastMark = null;
		this.readAhead = null;
		this.unmarked.clear();
		this.olderFloor = 0;
		this.recentFloor = 0;
		this.sentUpTo = 0;
		this.rescan = false;
		this.lastRescan = System.nanoTime();
		this.lastResync = this.lastRescan;
	}

	/**
	 * Sleeps until a commit wakes it or the poll interval, in slices so that stop() is
	 * quick; a batch in flight is settled as soon as its confirms come (the publisher
	 * nudges the wake).
	 */
	private void awaitWork() throws InterruptedException {
		long deadline = System.nanoTime() + this.properties.pollInterval().toNanos();
		while (this.running && System.nanoTime() < deadline) {
			settleAnswered();
			if (this.wake.await(WAIT_SLICE)) {
				return;
			}
		}
	}

	private void purgeWhenDue() {
		if (Instant.now().isBefore(this.nextPurge)) {
			return;
		}
		int purged;
		int total = 0;
		do {
			purged = this.store.purgePublished(this.properties.retention(), this.properties.purgeBatchSize());
			total += purged;
		}
		while (purged == this.properties.purgeBatchSize() && this.running);
		if (total > 0) {
			logger.info("Purged {} published events older than {}", total, this.properties.retention());
		}
		this.nextPurge = Instant.now().plus(this.properties.purgeInterval());
	}

	private void failed(Exception ex, Duration backoff) {
		if (this.failingSince == null) {
			this.failingSince = Instant.now();
		}
		this.lastError = ex.getMessage();
		this.metrics.roundFailed(ex);
		logger.warn("Outbox relay round failed, next try in {}: {}", backoff, ex.getMessage());
	}

	private void recovered() {
		if (this.failingSince != null) {
			logger.info("Outbox relay recovered after failing since {}", this.failingSince);
		}
		this.failingSince = null;
		this.lastError = null;
	}

	private void pause(Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/** A batch the broker confirmed, to be marked. */
	private record Confirmed(List<PendingEvent> events, PublishOutcome outcome) {

	}

	/** The broker did not take a batch: back off and keep the active role. */
	static final class BrokerUnavailableException extends RuntimeException {

		BrokerUnavailableException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
