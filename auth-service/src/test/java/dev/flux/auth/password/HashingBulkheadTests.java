package dev.flux.auth.password;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.flux.auth.AuthProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link Passwords} hashes no more passwords at once than its bulkhead allows, queues a
 * bounded number more, and refuses the rest with 503.
 */
class HashingBulkheadTests {

	private final GatedEncoder encoder = new GatedEncoder();

	private final ExecutorService callers = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.encoder.open();
		this.callers.shutdownNow();
	}

	@Test
	void hashesNoMorePasswordsAtOnceThanItsConcurrency() throws Exception {
		Passwords passwords = new Passwords(this.encoder, new HashingBulkhead(2, 10));

		List<CompletableFuture<Boolean>> checks = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String hash = (i % 2 == 0) ? "{stub}secret" : null;
			checks.add(CompletableFuture.supplyAsync(() -> passwords.matches("secret", hash), this.callers));
		}

		await().atMost(Duration.ofSeconds(5)).until(() -> this.encoder.inside() >= 2);
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> this.encoder.inside() == 2);
		assertThat(checks).noneMatch(CompletableFuture::isDone);
		this.encoder.open();
		assertThat(CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)))
			.succeedsWithin(Duration.ofSeconds(5));
		assertThat(checks).extracting(CompletableFuture::join).containsExactly(true, false, true, false, true, false);
		assertThat(this.encoder.mostInsideAtOnce()).isEqualTo(2);
	}

	@Test
	void refusesWith503OnceTheQueueIsFullAndAdmitsAgainWhenItDrains() throws Exception {
		Passwords passwords = new Passwords(this.encoder, new HashingBulkhead(1, 1));
		CompletableFuture<Boolean> hashing = CompletableFuture.supplyAsync(() -> passwords.matches("secret", null),
				this.callers);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.encoder.inside() == 1);
		AtomicReference<Thread> waiter = new AtomicReference<>();
		CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
			waiter.set(Thread.currentThread());
			return passwords.matches("secret", "{stub}secret");
		}, this.callers);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.WAITING);

		assertThatExceptionOfType(HashingBusy.class).isThrownBy(() -> passwords.hash("another secret"))
			.satisfies((refused) -> {
				assertThat(refused.retryAfter()).isPositive();
			});
		assertThat(this.encoder.calls()).as("a refused request spends no hash").isEqualTo(1);

		this.encoder.open();
		assertThat(hashing).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(false);
		assertThat(waiting).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
		assertThat(passwords.hash("another secret")).isEqualTo("{stub}another secret");
		assertThat(this.encoder.mostInsideAtOnce()).isEqualTo(1);
	}

	@Test
	void usesEveryCoreUnlessConfiguredOtherwise() {
		int cores = Runtime.getRuntime().availableProcessors();

		assertThat(new AuthProperties.Hashing(null, 32).slots()).isEqualTo(cores);
		assertThat(new AuthProperties.Hashing(3, 32).slots()).isEqualTo(3);
	}

	@Test
	void hashesOnThreadsOfItsOwn() {
		HashingBulkhead bulkhead = new HashingBulkhead(1, 0);
		try {
			assertThat(bulkhead.run(() -> Thread.currentThread().getName())).startsWith("password-hashing-");
		}
		finally {
			bulkhead.destroy();
		}
	}

	/**
	 * A stand-in for Argon2id whose hashes (after the one {@link Passwords} makes at
	 * start) wait at a gate, counting how many are inside at once.
	 */
	private static final class GatedEncoder implements PasswordEncoder {

		private final CountDownLatch gate = new CountDownLatch(1);

		private final AtomicInteger inside = new AtomicInteger();

		private final AtomicInteger mostInside = new AtomicInteger();

		private final AtomicInteger calls = new AtomicInteger(-1);

		@Override
		public String encode(CharSequence rawPassword) {
			return pass(() -> "{stub}" + rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return pass(() -> encodedPassword.equals("{stub}" + rawPassword));
		}

		private <T> T pass(Supplier<T> hash) {
			if (this.calls.getAndIncrement() < 0) {
				return hash.get();
			}
			this.mostInside.accumulateAndGet(this.inside.incrementAndGet(), Math::max);
			try {
				if (!this.gate.await(10, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the gate was never opened");
				}
				return hash.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				this.inside.decrementAndGet();
			}
		}

		void open() {
			this.gate.countDown();
		}

		int inside() {
			return this.inside.get();
		}

		int mostInsideAtOnce() {
			return this.mostInside.get();
		}

		int calls() {
			return this.calls.get();
		}

	}

}
