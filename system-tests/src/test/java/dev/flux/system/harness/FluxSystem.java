package dev.flux.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flux.testsupport.FluxInfrastructure;
import dev.flux.testsupport.FreePorts;
import dev.flux.testsupport.Http;
import dev.flux.testsupport.OtlpReceiver;

/**
 * Flux deployed on this machine the way production runs it: every service's executable
 * jar as OS processes ({@link #SERVICES}, two instances each), a three-node RabbitMQ
 * cluster, PostgreSQL, and an SMTP server whose mail the tests read. Started once for the
 * whole module ({@link SystemTest}), stopped when the tests end, even when they fail.
 */
public final class FluxSystem implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FluxSystem.class);

	/**
	 * The services and their instances. A new service is one more line: its module name,
	 * its instance count and what its instances need beyond the common environment.
	 */
	public static final List<ServiceSpec> SERVICES = List.of(ServiceSpec.of("auth-service", 2),
			ServiceSpec.of("user-service", 2),
			new ServiceSpec("notification-service", 2, (n) -> Map.of("FLUX_GATEWAY_INSTANCE_ID", "gateway-" + n)),
			ServiceSpec.of("chat-service", 2));

	/**
	 * The JVM options of every instance: a small heap and the C1 compiler only, which
	 * halves the start time of eight JVMs on two cores.
	 */
	static final String JAVA_OPTIONS = System.getProperty("flux.system.java-options",
			"-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError");

	/**
	 * How long an instance may take to become ready: a minute on a quiet two-core machine
	 * while seven others start beside it, much longer on a busy one.
	 */
	/**
	 * Retry tiers that outlast the 30 s faults yet dead-letter a poison event within a
	 * minute, instead of the production tiers' thirteen.
	 */
	public static final String RETRY_TIERS = "1s,5s,15s,30s";

	/**
	 * The operator's address: listed in {@code FLUX_AUTH_ADMINS}, so its account gets the
	 * ADMIN role once the address is verified.
	 */
	public static final String OPERATOR_EMAIL = "operator@flux.test";

	static final Duration START_TIMEOUT = Duration.parse(System.getProperty("flux.system.start-timeout", "PT10M"));

	private final Path root;

	private final Path work;

	private final Databases databases;

	private final Ports ports;

	private final List<AutoCloseable> started = new ArrayList<>();

	private final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();

	private final Map<String, AtomicInteger> roundRobin = new HashMap<>();

	private MailCatcher mail;

	private @Nullable ServiceProcess console;

	private final OtlpReceiver traces = OtlpReceiver.start();

	private RabbitCluster cluster;

	private Duration startTime = Duration.ZERO;

	private FluxSystem() {
		this.root = FluxInfrastructure.projectRoot();
		this.work = this.root.resolve("system-tests/target/system-tests");
		this.databases = new Databases(FluxInfrastructure.postgres());
		this.ports = Ports.fromEnvironment();
	}

	/** Starts everything; on any failure what was started is stopped again. */
	public static FluxSystem start() {
		FluxSystem system = new FluxSystem();
		try {
			system.startAll();
			return system;
		}
		catch (RuntimeException | Error ex) {
			system.close();
			throw ex;
		}
	}

	private void startAll() {
		long begin = System.nanoTime();
		try {
			Files.createDirectories(this.work);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (ServiceSpec spec : SERVICES) {
			Path jar = this.root.resolve(spec.name() + "/target/" + spec.name() + ".jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException("No " + jar + ": build it first (./flux test and ./mvnw verify"
						+ " package every service before the system tests)");
			}
		}
		this.databases.reset(SERVICES.stream().map((spec) -> shortName(spec.name())).toList());
		this.started.add(this.traces);
		this.mail = new MailCatcher(this.ports.next());
		this.started.add(this.mail);
		logger.info("Starting a three-node RabbitMQ cluster");
		Path clusterDirectory = this.root.resolve(".flux/system-tests/rabbitmq");
		// A fresh cluster each run: queues left by an earlier run may have other
		// arguments.
		RabbitCluster.stopAndWipe(this.root, clusterDirectory);
		this.cluster = RabbitCluster.start(this.root, clusterDirectory, this.ports.block(21));
		this.started.add(this.cluster);
		Runtime.getRuntime().addShutdownHook(new Thread(this::close, "flux-system-stop"));
		Map<String, Integer> servicePorts = new LinkedHashMap<>();
		for (ServiceSpec spec : SERVICES) {
			for (int n = 1; n <= instanceCount(spec); n++) {
				servicePorts.put(spec.instanceName(n), this.ports.next());
			}
		}
		String authUrl = "http://localhost:" + servicePorts.get("auth-service-1");
		for (ServiceSpec spec : SERVICES) {
			List<ServiceProcess> processes = new ArrayList<>();
			for (int n = 1; n <= instanceCount(spec); n++) {
				String name = spec.instanceName(n);
				Map<String, String> environment = new LinkedHashMap<>(commonEnvironment(authUrl));
				environment.put("FLUX_HTTP_PORT", String.valueOf(servicePorts.get(name)));
				environment.put("FLUX_MANAGEMENT_PORT", String.valueOf(this.ports.next()));
				environment.putAll(spec.environment().apply(n));
				ServiceProcess process = new ServiceProcess(name,
						this.root.resolve(spec.name() + "/target/" + spec.name() + ".jar"),
						List.of(JAVA_OPTIONS.split(" ")), environment, servicePorts.get(name),
						this.work.resolve(name + ".log"));
				processes.add(process);
				this.started.add(process::stop);
			}
			this.instances.put(spec.name(), processes);
			this.roundRobin.put(spec.name(), new AtomicInteger());
		}
		logger.info("Starting {}", this.instances.values());
		all().forEach(ServiceProcess::start);
		all().forEach((process) -> process.awaitReady(START_TIMEOUT));
		this.startTime = Duration.ofNanos(System.nanoTime() - begin);
		logger.info("Flux is up in {} s: {}", this.startTime.toSeconds(), this.instances.values());
	}

	/**
	 * The instances of a service to start: its own count, or
	 * {@code flux.system.instances} when a developer wants a smaller system for a quick
	 * run.
	 */
	private static int instanceCount(ServiceSpec spec) {
		return Integer.getInteger("flux.system.instances", spec.instances());
	}

	private Map<String, String> commonEnvironment(String authUrl) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("FLUX_DB_HOST", this.databases.endpoint().host());
		environment.put("FLUX_DB_PORT", String.valueOf(this.databases.endpoint().port()));
		// Every node of the cluster, in a random order per connection: one node down is
		// no outage.
		environment.put("SPRING_RABBITMQ_ADDRESSES", this.cluster.addresses());
		environment.put("SPRING_RABBITMQ_ADDRESSSHUFFLEMODE", "random");
		environment.put("FLUX_AUTH_ISSUER", authUrl);
		environment.put("FLUX_AUTH_JWKS_URI", authUrl + "/.well-known/jwks.json");
		environment.put("FLUX_SMTP_HOST", "127.0.0.1");
		environment.put("FLUX_SMTP_PORT", String.valueOf(this.mail.port()));
		// The tests are one client address registering hundreds of accounts.
		environment.put("FLUX_AUTH_RATE_LIMIT_CAPACITY", "1000000");
		environment.put("FLUX_AUTH_RATE_LIMIT_PER_MINUTE", "1000000");
		environment.put("FLUX_EVENTS_CONSUMER_RETRY_TIERS", RETRY_TIERS);
		environment.put("FLUX_MAIL_OPEN_FOR", "5s");
		environment.put("FLUX_AUTH_ADMINS", OPERATOR_EMAIL);
		// Every instance records every trace (production samples one in ten) and exports
		// its spans to the harness's own collector (TraceScenarioTests).
		environment.put("FLUX_TRACING_SAMPLING", "1.0");
		environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", this.traces.tracesEndpoint());
		return environment;
	}

	/**
	 * {@code auth} for {@code auth-service}: the name of its database and broker user.
	 */
	static String shortName(String service) {
		return service.substring(0, service.indexOf('-'));
	}

	/** The instances of a service, {@code auth-service}. */
	public List<ServiceProcess> instances(String service) {
		List<ServiceProcess> processes = this.instances.get(service);
		if (processes == null) {
			throw new IllegalArgumentException("No service " + service + " in " + this.instances.keySet());
		}
		return processes;
	}

	/** Instance n (1-based) of a service. */
	public ServiceProcess instance(String service, int n) {
		return instances(service).get(n - 1);
	}

	/**
	 * A client of the next live instance of a service, in turn, like a load balancer in
	 * front of them.
	 */
	public Http http(String service) {
		List<ServiceProcess> processes = instances(service);
		AtomicInteger next = this.roundRobin.get(service);
		for (int i = 0; i < processes.size(); i++) {
			ServiceProcess process = processes.get(Math.floorMod(next.getAndIncrement(), processes.size()));
			if (process.alive()) {
				return process.http();
			}
		}
		return processes.get(0).http();
	}

	/**
	 * The operator console, started on first use in front of instance 1 of every service
	 * (the browser tests drive it); stopped with the rest.
	 */
	public synchronized ServiceProcess operatorConsole() {
		if (this.console == null) {
			Path jar = this.root.resolve("operator-console/target/operator-console.jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException("No " + jar + ": build it first (./flux test packages it)");
			}
			Map<String, String> environment = new LinkedHashMap<>();
			for (ServiceSpec spec : SERVICES) {
				environment.put("FLUX_CONSOLE_" + shortName(spec.name()).toUpperCase(java.util.Locale.ROOT) + "_URL",
						"http://localhost:" + instance(spec.name(), 1).port());
			}
			int port = this.ports.next();
			environment.put("FLUX_HTTP_PORT", String.valueOf(port));
			ServiceProcess process = new ServiceProcess("operator-console", jar, List.of(JAVA_OPTIONS.split(" ")),
					environment, port, this.work.resolve("operator-console.log"));
			this.started.add(process::stop);
			process.start();
			process.awaitReady(START_TIMEOUT);
			this.console = process;
		}
		return this.console;
	}

	public List<ServiceProcess> all() {
		return this.instances.values().stream().flatMap(List::stream).toList();
	}

	public MailCatcher mail() {
		return this.mail;
	}

	/** The collector every instance exports its spans to, over OTLP. */
	public OtlpReceiver traces() {
		return this.traces;
	}

	public RabbitCluster cluster() {
		return this.cluster;
	}

	public Databases databases() {
		return this.databases;
	}

	/** How long {@link #start()} took, cluster and every instance ready. */
	public Duration startTime() {
		return this.startTime;
	}

	/** Stops the instances, then the cluster and the SMTP server. Safe to call twice. */
	@Override
	public synchronized void close() {
		List<AutoCloseable> toStop = new ArrayList<>(this.started);
		this.started.clear();
		for (int i = toStop.size() - 1; i >= 0; i--) {
			try {
				toStop.get(i).close();
			}
			catch (Exception ex) {
				logger.warn("Could not stop {}: {}", toStop.get(i), ex.getMessage());
			}
		}
	}

	/**
	 * Where the harness's ports come from: {@code FLUX_SYSTEM_TEST_PORT_BASE} and up when
	 * set (a developer's own range), else {@link FreePorts}.
	 */
	static final class Ports {

		private final int base;

		private int offset;

		private Ports(int base) {
			this.base = base;
		}

		static Ports fromEnvironment() {
			String base = System.getenv("FLUX_SYSTEM_TEST_PORT_BASE");
			return new Ports((base == null || base.isBlank()) ? 0 : Integer.parseInt(base));
		}

		synchronized int next() {
			return (this.base != 0) ? this.base + 30 + this.offset++ : FreePorts.next();
		}

		/** The first of {@code size} consecutive free ports. */
		int block(int size) {
			return (this.base != 0) ? this.base : FreePorts.block(size);
		}

	}

}
