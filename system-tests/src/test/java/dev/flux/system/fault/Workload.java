package dev.flux.system.fault;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

import dev.flux.system.fault.Operation.Kind;
import dev.flux.system.fault.Operation.Outcome;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.ServiceProcess;

/**
 * Several clients that, until stopped, each register an account, then rename it and edit
 * its profile a few times, then register the next one, spreading their requests over the
 * live instances. Every request is recorded with what its answer said.
 */
final class Workload implements AutoCloseable {

	private static final int CHANGES_PER_ACCOUNT = 3;

	private final FluxSystem system;

	private final ConcurrentLinkedQueue<Operation> operations = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final ExecutorService clients;

	private final List<Future<?>> loops = new ArrayList<>();

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	private Workload(FluxSystem system, int clients) {
		this.system = system;
		this.clients = Executors.newFixedThreadPool(clients);
		for (int client = 0; client < clients; client++) {
			int id = client;
			this.loops.add(this.clients.submit(() -> loop(id)));
		}
	}

	/** Starts {@code clients} clients. */
	static Workload start(FluxSystem system, int clients) {
		return new Workload(system, clients);
	}

	/** How every address the workload registers starts. */
	String addressPrefix() {
		return "w" + this.tag;
	}

	/** Stops the clients after their request in flight; the operations they made. */
	List<Operation> stop() {
		this.running.set(false);
		for (Future<?> loop : this.loops) {
			try {
				loop.get(60, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("A workload client failed", ex);
			}
		}
		return List.copyOf(this.operations);
	}

	@Override
	public void close() {
		this.running.set(false);
		this.clients.shutdownNow();
	}

	private void loop(int client) {
		WorkloadClient http = new WorkloadClient();
		int sequence = 0;
		while (this.running.get()) {
			String suffix = this.tag + client + "x" + (sequence++);
			Registered account = register(http, suffix);
			for (int change = 0; account != null && change < CHANGES_PER_ACCOUNT && this.running.get(); change++) {
				rename(http, account, "n" + change + "_" + suffix);
				if (this.running.get()) {
					editProfile(http, account, "Name " + change + " " + suffix);
				}
			}
		}
	}

	private @Nullable Registered register(WorkloadClient http, String suffix) {
		String email = "w" + suffix + "@example.com";
		HttpResponse<String> answer = http.send("POST", next("auth-service"), "/api/auth/register",
				Map.of("email", email, "username", "w" + suffix, "password", "load test " + suffix), null);
		Outcome outcome = outcome(answer);
		UUID id = (outcome == Outcome.ACCEPTED) ? UUID.fromString(JsonPath.read(answer.body(), "$.account.id")) : null;
		this.operations.add(new Operation(Kind.REGISTER, id, email, outcome, status(answer)));
		backOffUnless(outcome);
		return (id != null) ? new Registered(id, JsonPath.read(answer.body(), "$.accessToken")) : null;
	}

	private void rename(WorkloadClient http, Registered account, String username) {
		HttpResponse<String> answer = http.send("PATCH", next("auth-service"), "/api/auth/me",
				Map.of("username", username), account.accessToken());
		Outcome outcome = outcome(answer);
		this.operations.add(new Operation(Kind.RENAME, account.id(), username, outcome, status(answer)));
		backOffUnless(outcome);
	}

	private void editProfile(WorkloadClient http, Registered account, String displayName) {
		HttpResponse<String> answer = http.send("PATCH", next("user-service"), "/api/users/me/profile",
				Map.of("displayName", displayName), account.accessToken());
		Outcome outcome = outcome(answer);
		this.operations.add(new Operation(Kind.EDIT_PROFILE, account.id(), displayName, outcome, status(answer)));
		backOffUnless(outcome);
	}

	/**
	 * A client that got no answer or a refusal waits a little before its next request, as
	 * real ones do.
	 */
	private static void backOffUnless(Outcome outcome) {
		if (outcome != Outcome.ACCEPTED) {
			FaultMatrixTests.hold(Duration.ofMillis(250));
		}
	}

	/** The port of the next live instance, round robin. */
	private int next(String service) {
		List<ServiceProcess> alive = this.system.instances(service).stream().filter(ServiceProcess::alive).toList();
		List<ServiceProcess> candidates = alive.isEmpty() ? this.system.instances(service) : alive;
		return candidates.get(Math.floorMod(this.operations.size(), candidates.size())).port();
	}

	private static Outcome outcome(@Nullable HttpResponse<String> answer) {
		if (answer == null || answer.statusCode() >= 500) {
			return Outcome.UNKNOWN;
		}
		return (answer.statusCode() / 100 == 2) ? Outcome.ACCEPTED : Outcome.REFUSED;
	}

	private static int status(@Nullable HttpResponse<String> answer) {
		return (answer != null) ? answer.statusCode() : 0;
	}

	private record Registered(UUID id, String accessToken) {

	}

}
