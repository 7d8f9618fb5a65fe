package dev.flux.auth.password;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;

/**
 * Where passwords are hashed: a fixed number of threads of their own, at a lower
 * scheduling priority than the request threads. An Argon2id hash holds a core for tens of
 * milliseconds and 19 MiB; a burst of sign-ins on request threads, unbounded, would take
 * every core from the requests that need a millisecond, fill the heap and starve the
 * holders of database connections. Here, the hashes use whatever CPU the rest leaves, a
 * request that needs a core gets it at once, and more hashes than threads wait their turn
 * in a queue of bounded length, first come first served; a request that finds the queue
 * full is refused at once with 503 and {@code Retry-After}.
 */
class HashingBulkhead implements DisposableBean {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final ExecutorService threads;

	private final int admitted;

	private final AtomicInteger inside = new AtomicInteger();

	private final SchedulerNudge nudge;

	/**
	 * @param concurrency hashes computed at once (the number of hashing threads)
	 * @param queue hashes that may wait for a thread; more are refused
	 * @param niceness how much lower than the request threads the hashing threads run (a
	 * Linux nice value, 0 to 19)
	 * @param idle whether the hashing threads run under Linux's {@code SCHED_IDLE} policy
	 * instead, only on cores no request thread wants
	 * @param nudge how often, while hashes are in flight, the kernel is made to choose
	 * again what runs on each core ({@link SchedulerNudge}); zero for never
	 */
	HashingBulkhead(int concurrency, int queue, int niceness, boolean idle, Duration nudge) {
		if (concurrency < 1 || queue < 0) {
			throw new IllegalArgumentException(
					"hashing needs a concurrency of at least 1 and a queue of at least 0, not " + concurrency + " and "
							+ queue);
		}
		this.threads = Executors.newFixedThreadPool(concurrency, new HashingThreads(niceness, idle));
		this.admitted = concurrency + queue;
		this.nudge = new SchedulerNudge(nudge, this.inside::get);
	}

	/**
	 * Runs a hash on a hashing thread, waiting for one if needed, and returns its result.
	 * @throws HashingBusy when the queue is full
	 */
	<T> T run(Supplier<T> hash) {
		int inFlight = this.inside.incrementAndGet();
		if (inFlight > this.admitted) {
			this.inside.decrementAndGet();
			throw new HashingBusy(RETRY_AFTER);
		}
		if (inFlight == 1) {
			this.nudge.wake();
		}
		try {
			return CompletableFuture.supplyAsync(hash, this.threads).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
		finally {
			this.inside.decrementAndGet();
		}
	}

	/** The nudging threads, one per core (none off Linux or with a zero period). */
	List<Thread> nudgeThreads() {
		return this.nudge.threads();
	}

	@Override
	public void destroy() {
		this.nudge.stop();
		this.threads.shutdownNow();
	}

}
