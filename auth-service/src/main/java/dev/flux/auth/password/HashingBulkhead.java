package dev.flux.auth.password;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.flux.auth.web.ApiProblem;

/**
 * Bounds how many passwords are hashed at once. An Argon2id hash holds a core and 19 MiB
 * of heap for its whole duration, so a burst of sign-ins, unbounded, takes every core
 * from the requests that need a millisecond, fills the heap, and starves the holders of
 * database connections until they time out; more hashes at once than cores would not
 * finish more per second anyway, only each one later. Hashes beyond the limit wait their
 * turn, first come first served, in a queue of bounded length; a request that finds the
 * queue full is refused at once with 503 and {@code Retry-After}.
 */
class HashingBulkhead {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final Semaphore slots;

	private final int admitted;

	private final AtomicInteger inside = new AtomicInteger();

	/**
	 * @param concurrency hashes computed at once
	 * @param queue hashes that may wait for a slot; more are refused
	 */
	HashingBulkhead(int concurrency, int queue) {
		if (concurrency < 1 || queue < 0) {
			throw new IllegalArgumentException(
					"hashing needs a concurrency of at least 1 and a queue of at least 0, not " + concurrency + " and "
							+ queue);
		}
		this.slots = new Semaphore(concurrency, true);
		this.admitted = concurrency + queue;
	}

	/**
	 * Runs a hash in a slot, waiting for one if needed.
	 * @throws ApiProblem 503 when the queue is full
	 */
	<T> T run(Supplier<T> hash) {
		if (this.inside.incrementAndGet() > this.admitted) {
			this.inside.decrementAndGet();
			throw ApiProblem.busy("Too many passwords are being checked right now; try again shortly.", RETRY_AFTER);
		}
		try {
			this.slots.acquireUninterruptibly();
			try {
				return hash.get();
			}
			finally {
				this.slots.release();
			}
		}
		finally {
			this.inside.decrementAndGet();
		}
	}

}
