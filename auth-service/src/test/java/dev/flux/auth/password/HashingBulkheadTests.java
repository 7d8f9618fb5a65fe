package dev.flux.auth.password;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
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
		Passwords passwords = new Passwords(this.encoder, new HashingBulkhead(2, 10, 10, false, Duration.ZERO));

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
		Passwords passwords = new Passwords(this.encoder, new HashingBulkhead(1, 1, 10, false, Duration.ZERO));
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

		assertThat(new AuthProperties.Hashing(null, 32, 10, true, Duration.ZERO).slots()).isEqualTo(cores);
		assertThat(new AuthProperties.Hashing(3, 32, 10, true, Duration.ZERO).slots()).isEqualTo(3);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void hashesOnThreadsOfLowerPriorityThanTheCaller() throws Exception {
		ThreadFacts hashing = factsOfTheHashingThread(new HashingBulkhead(1, 0, 7, false, Duration.ZERO));

		assertThat(hashing.name()).startsWith("password-hashing-");
		assertThat(hashing.nice()).isEqualTo(ownStat(NICE) + 7);
		assertThat(hashing.policy()).isEqualTo(ownStat(POLICY));
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void hashesOnThreadsUnderTheIdlePolicyWhenConfiguredTo() throws Exception {
		ThreadFacts hashing = factsOfTheHashingThread(new HashingBulkhead(1, 0, 7, true, Duration.ZERO));

		assertThat(ownStat(POLICY)).as("the caller's policy (SCHED_OTHER)").isZero();
		assertThat(hashing.name()).startsWith("password-hashing-");
		assertThat(hashing.policy()).isEqualTo(HashingThreads.SCHED_IDLE);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void nudgesEveryCoreFromAPinnedThreadWhileAHashIsInFlight() throws Exception {
		HashingBulkhead bulkhead = new HashingBulkhead(1, 0, 0, true, Duration.ofMillis(1));
		CountDownLatch release = new CountDownLatch(1);
		try {
			List<Thread> nudges = bulkhead.nudgeThreads();
			assertThat(nudges).hasSize(Runtime.getRuntime().availableProcessors());
			await("the nudge threads resting").until(() -> allIn(nudges, Thread.State.WAITING));
			assertThat(pinnedCpusOfNudgeThreads()).as("one thread pinned to each core")
				.containsAll(IntStream.range(0, nudges.size()).mapToObj(String::valueOf).toList())
				.allMatch((cpus) -> cpus.matches("\\d+"));

			CompletableFuture<Boolean> hash = CompletableFuture.supplyAsync(() -> bulkhead.run(() -> {
				try {
					return release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
			await("the nudge threads waking every period").until(() -> allIn(nudges, Thread.State.TIMED_WAITING));

			release.countDown();
			assertThat(hash.get(10, TimeUnit.SECONDS)).isTrue();
			await("the nudge threads resting again").until(() -> allIn(nudges, Thread.State.WAITING));
		}
		finally {
			release.countDown();
			bulkhead.destroy();
		}
	}

	private static boolean allIn(List<Thread> threads, Thread.State state) {
		return threads.stream().allMatch((thread) -> thread.getState() == state);
	}

	/**
	 * {@code Cpus_allowed_list} of every thread of this JVM named like a nudge thread
	 * (the kernel keeps 15 characters of a name).
	 */
	private static List<String> pinnedCpusOfNudgeThreads() throws IOException {
		List<String> pinned = new ArrayList<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : tasks.toList()) {
				try {
					if (Files.readString(task.resolve("comm")).trim().equals("scheduler-nudge")) {
						Files.readAllLines(task.resolve("status"))
							.stream()
							.filter((line) -> line.startsWith("Cpus_allowed_list:"))
							.forEach((line) -> pinned.add(line.substring(line.indexOf(':') + 1).trim()));
					}
				}
				catch (NoSuchFileException ex) {
					// a thread that ended since the listing
				}
			}
		}
		return pinned;
	}

	/** Runs one check on the bulkhead and reads the thread it ran on. */
	private static ThreadFacts factsOfTheHashingThread(HashingBulkhead bulkhead) {
		AtomicReference<ThreadFacts> facts = new AtomicReference<>();
		PasswordEncoder observing = new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return "{stub}" + rawPassword;
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				facts.set(new ThreadFacts(Thread.currentThread().getName(), ownStat(NICE), ownStat(POLICY)));
				return true;
			}

		};
		try {
			assertThat(new Passwords(observing, bulkhead).matches("secret", "{stub}secret")).isTrue();
		}
		finally {
			bulkhead.destroy();
		}
		return facts.get();
	}

	/** The name, nice value and scheduling policy of a thread. */
	private record ThreadFacts(String name, int nice, int policy) {
	}

	/** Field 19 of /proc/thread-self/stat: the nice value. */
	private static final int NICE = 19;

	/** Field 41 of /proc/thread-self/stat: the scheduling policy. */
	private static final int POLICY = 41;

	/** A numeric field of this thread's /proc/thread-self/stat, counted from 1. */
	private static int ownStat(int field) {
		try {
			String stat = Files.readString(Path.of("/proc/thread-self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[0] is field 3, the state after the command name.
			return Integer.parseInt(fields[field - 3]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
