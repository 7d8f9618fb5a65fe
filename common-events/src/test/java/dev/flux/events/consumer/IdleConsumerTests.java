package dev.flux.events.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.outbox.Outbox;
import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch never waits for more deliveries than were already there, and a consumer of a
 * quiet queue waits long: it wakes up about once a second. Counted from the consumer
 * threads' voluntary context switches in Linux's {@code /proc}.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class IdleConsumerTests {

	private static final Path TASKS = Path.of("/proc/self/task");

	private static final Duration WINDOW = Duration.ofSeconds(4);

	@Autowired
	private Outbox outbox;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void anIdleConsumerWakesUpAboutOnceASecond() {
		assertThat(TASKS).as("this test counts wake-ups in Linux's /proc").isDirectory();
		String note = "idle-" + UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> this.outbox.append(UUID.randomUUID().toString(), 1,
				new SampleHappened(UUID.randomUUID(), note)));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.effects.timesApplied(note) == 1);
		// Past the quiet spell after which the consumer switches to long waits.
		await().pollDelay(BatchLinger.QUIET_AFTER.multipliedBy(3)).until(() -> true);

		Map<Path, Long> before = wakeUps();
		assertThat(before).as("consumer threads").isNotEmpty();
		await().pollDelay(WINDOW).atMost(WINDOW.plusSeconds(5)).until(() -> true);
		Map<Path, Long> after = wakeUps();

		List<Double> perSecond = before.keySet()
			.stream()
			.filter((task) -> after.getOrDefault(task, 0L) >= before.get(task) && before.get(task) > 0)
			.map((task) -> (after.get(task) - before.get(task)) / (double) WINDOW.toSeconds())
			.sorted()
			.toList();
		System.out.printf("Idle consumer threads: %d, wake-ups per second each: %s%n", perSecond.size(), perSecond);
		// The median: other test contexts' consumers may still be handling retries.
		assertThat(perSecond.get(perSecond.size() / 2)).as("wake-ups per second of an idle consumer thread")
			.isLessThan(5.0);
	}

	/** Voluntary context switches of each consumer thread of this JVM. */
	private static Map<Path, Long> wakeUps() {
		try (Stream<Path> tasks = Files.list(TASKS)) {
			return tasks.filter((task) -> read(task.resolve("comm")).strip().startsWith("flux-consumer"))
				.collect(Collectors.toMap((task) -> task, IdleConsumerTests::voluntarySwitches));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long voluntarySwitches(Path task) {
		return read(task.resolve("status")).lines()
			.filter((line) -> line.startsWith("voluntary_ctxt_switches:"))
			.mapToLong((line) -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip()))
			.findFirst()
			.orElse(0L);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			// The thread ended between listing and reading.
			return "";
		}
	}

}
