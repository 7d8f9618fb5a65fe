package dev.flux.system.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flux.system.fault.Checker.Verdict;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.RabbitCluster;
import dev.flux.system.harness.ServiceProcess;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.FluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix of issue 18: while three clients register accounts, rename them and
 * edit their profiles for a minute, one fault strikes; then the checker reads every
 * service and counts, per operation, ok / lost / duplicated / unexpected, and how long
 * the system took to catch up. Every fault must end with nothing lost, nothing duplicated
 * and nothing unexpected. The table of the run is written to
 * {@code target/system-tests/fault-table.md} (docs/reliability.md holds one).
 */
@SystemTest
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixTests {

	private static final Logger logger = LoggerFactory.getLogger(FaultMatrixTests.class);

	/**
	 * The workload runs this long per fault, the fault starting after the first tenth.
	 */
	static final Duration WORKLOAD = Duration.parse(System.getProperty("flux.system.workload", "PT60S"));

	/** How long the checker waits for the system to catch up after a fault. */
	static final Duration PATIENCE = Duration.ofMinutes(3);

	/**
	 * How many times each fault strikes: 1 in CI, more under {@code ./flux test --soak}.
	 */
	static final int ROUNDS = Integer.getInteger("flux.system.rounds", 1);

	private static final Map<String, String> rows = new ConcurrentHashMap<>();

	private final FluxSystem system;

	FaultMatrixTests(FluxSystem system) {
		this.system = system;
	}

	@Test
	@Order(1)
	void brokerFrozenForTwentySeconds() throws Exception {
		strike("1. RabbitMQ frozen (SIGSTOP, all nodes) 20 s", () -> {
			RabbitCluster cluster = this.system.cluster();
			for (int node = 1; node <= RabbitCluster.NODES; node++) {
				cluster.freeze(node);
			}
			hold(Duration.ofSeconds(20));
			for (int node = 1; node <= RabbitCluster.NODES; node++) {
				cluster.resume(node);
			}
		});
	}

	@Test
	@Order(2)
	void aBrokerNodeKilledThenTheQueueLeaderKilled() throws Exception {
		strike("2. RabbitMQ node killed (-9) and restarted, then the user.service.queue leader", () -> {
			RabbitCluster cluster = this.system.cluster();
			cluster.kill(1);
			hold(Duration.ofSeconds(10));
			cluster.startNode(1);
			int leader = cluster.leaderOf("user.service.queue", 1);
			logger.info("user.service.queue is led by node {}", leader);
			cluster.kill(leader);
			hold(Duration.ofSeconds(10));
			cluster.startNode(leader);
		});
	}

	@Test
	@Order(3)
	void relayLockHolderKilledInABurst() throws Exception {
		strike("3. auth-service relay holder killed (-9)", () -> {
			ServiceProcess holder = relayHolder("auth-service");
			holder.kill();
			hold(Duration.ofSeconds(20));
			holder.start();
		});
		this.system.all().forEach((process) -> process.awaitReady(Duration.ofMinutes(10)));
	}

	@Test
	@Order(4)
	void aConsumerOfEachServiceKilledMidStream() throws Exception {
		List<ServiceProcess> victims = List.of(this.system.instances("auth-service").getFirst(),
				this.system.instances("user-service").getFirst(),
				this.system.instances("notification-service").getFirst());
		strike("4. one instance of each service killed (-9)", () -> {
			victims.forEach(ServiceProcess::kill);
			hold(Duration.ofSeconds(10));
			victims.forEach(ServiceProcess::start);
		});
		this.system.all().forEach((process) -> process.awaitReady(Duration.ofMinutes(10)));
	}

	@Test
	@Order(5)
	void databaseConnectionsTerminatedThenPostgresRestarted() throws Exception {
		strike("5. user-service's PostgreSQL connections terminated for 10 s, then PostgreSQL restarted", () -> {
			long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (System.nanoTime() < until) {
				this.system.databases().terminateConnections("user");
				hold(Duration.ofSeconds(1));
			}
			this.system.databases().restartServer();
		});
	}

	@Test
	@Order(6)
	void smtpDownForThirtySeconds() throws Exception {
		strike("6. SMTP down 30 s", () -> {
			this.system.mail().down();
			hold(Duration.ofSeconds(30));
			this.system.mail().up();
		});
	}

	@AfterAll
	static void writeTable() throws IOException {
		Path table = FluxInfrastructure.projectRoot().resolve("system-tests/target/system-tests/fault-table.md");
		StringBuilder text = new StringBuilder(
				"| fault | operations | ok | lost | duplicated | unexpected | recovery |\n|---|---|---|---|---|---|---|\n");
		rows.keySet().stream().sorted().forEach((fault) -> text.append(rows.get(fault)).append('\n'));
		Files.writeString(table, text);
		logger.info("Fault table ({}):\n{}", table, text);
	}

	/**
	 * Runs the workload, strikes the fault after the first tenth of it, lets the workload
	 * finish, then checks every operation.
	 */
	private void strike(String fault, Fault action) throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			strikeOnce((ROUNDS == 1) ? fault : fault + " (round " + round + ")", action);
		}
	}

	private void strikeOnce(String fault, Fault action) throws Exception {
		long begin = System.nanoTime();
		Verdict verdict;
		try (Workload workload = Workload.start(this.system, 3)) {
			hold(WORKLOAD.dividedBy(10));
			logger.info("Fault: {}", fault);
			action.run();
			long ended = System.nanoTime();
			hold(WORKLOAD.minus(Duration.ofNanos(ended - begin)));
			List<Operation> operations = workload.stop();
			verdict = new Checker(this.system).awaitSettled(operations, ended, PATIENCE);
		}
		rows.put(fault, verdict.row(fault));
		logger.info("{}: {}", fault, verdict);
		assertThat(verdict.problems()).as("what the checker found after: %s", fault).isEmpty();
		assertThat(verdict.clean()).isTrue();
	}

	/** The live instance of a service that says last that it holds its relay lock. */
	private ServiceProcess relayHolder(String service) {
		ServiceProcess holder = null;
		String latest = "";
		for (ServiceProcess process : this.system.instances(service)) {
			// Log lines start with an ISO timestamp: the later line is the current
			// holder.
			String at = process.log()
				.lines()
				.filter((line) -> line.contains("Outbox relay is now the active relay"))
				.reduce((first, second) -> second)
				.map((line) -> line.substring(0, Math.min(line.length(), 24)))
				.orElse("");
			if (process.alive() && at.compareTo(latest) > 0) {
				latest = at;
				holder = process;
			}
		}
		assertThat(holder).as("an instance of %s holding the relay lock", service).isNotNull();
		return holder;
	}

	/**
	 * Keeps a fault in place (or the workload going) for a while: the duration is the
	 * point, not an outcome to wait for.
	 */
	static void hold(Duration duration) {
		long deadline = System.nanoTime() + duration.toNanos();
		for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
			LockSupport.parkNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
		}
	}

	@FunctionalInterface
	interface Fault {

		void run() throws SQLException, IOException;

	}

}
