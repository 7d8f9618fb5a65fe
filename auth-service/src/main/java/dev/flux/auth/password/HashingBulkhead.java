package dev.flux.auth.password;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;

/**
 * Where passwords are hashed: a fixed number of threads of their own, so that a burst of
 * sign-ins (a core and 19 MiB per Argon2id hash) cannot take the request threads or the
 * heap. A bounded number of hashes wait their turn; beyond that, 503 with Retry-After.
 */
class HashingBulkhead implements DisposableBean {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final ExecutorService threads;

	private final int admitted;

	private final AtomicInteger inside = new AtomicInteger();

	/**
	 * @param concurrency hashes computed at once (the number of hashing threads)
	 * @param queue hashes that may wait for a thread; more are refused
	 */
	HashingBulkhead(int concurrency, int queue) {
		if (concurrency < 1 || queue < 0) {
			throw new IllegalArgumentException(
					"hashing needs a concurrency of at least 1 and a queue of at least 0, not " + concurrency + " and "
							+ queue);
		}
		this.threads = Executors.newFixedThreadPool(concurrency,
				Thread.ofPlatform().daemon().name("password-hashing-", 1).factory());
		this.admitted = concurrency + queue;
	}

	/**
	 * Runs a hash on a hashing thread, waiting for one if needed, and returns its result.
	 * @throws HashingBusy when the queue is full
	 */
	<T> T run(Supplier<T> hash) {
		if (this.inside.incrementAndGet() > this.admitted) {
			this.inside.decrementAndGet();
			throw new HashingBusy(RETRY_AFTER);
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

	@Override
	public void destroy() {
		this.threads.shutdownNow();
	}

}
