package dev.flux.system.fault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

import dev.flux.system.fault.Operation.Kind;
import dev.flux.system.fault.Operation.Outcome;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.MailCatcher.Mail;

import static org.awaitility.Awaitility.await;

/**
 * Reads what every service holds (their databases and the mail that arrived) and says,
 * per operation of a workload, whether its effects happened once (ok), not at all (lost),
 * more than once (duplicated), or whether something happened that no accepted operation
 * asked for (unexpected).
 */
final class Checker {

	private static final String WELCOME = "Welcome to Flux";

	private static final String VERIFY = "Confirm your email address for Flux";

	private final FluxSystem system;

	private final String addressPrefix;

	/**
	 * @param addressPrefix how the workload's addresses start: mail to such an address
	 * that no registration of the workload asked for is unexpected
	 */
	Checker(FluxSystem system, String addressPrefix) {
		this.system = system;
		this.addressPrefix = addressPrefix;
	}

	/**
	 * Checks until nothing is lost any more or {@code patience} is over.
	 * @param since when the fault ended: the recovery time counts from there
	 */
	Verdict awaitSettled(List<Operation> operations, long since, Duration patience) throws SQLException {
		try {
			await("nothing lost").atMost(patience)
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> check(operations), (verdict) -> verdict.lost() == 0);
		}
		catch (ConditionTimeoutException ex) {
			// The verdict below says what is still missing.
		}
		long recovered = System.nanoTime();
		return check(operations).recovered(Duration.ofNanos(recovered - since));
	}

	/** One look at every service. */
	Verdict check(List<Operation> operations) throws SQLException {
		State state = State.read(this.system);
		Tally tally = new Tally();
		Set<String> emails = new HashSet<>();
		Map<UUID, List<Operation>> renames = new LinkedHashMap<>();
		Map<UUID, List<Operation>> edits = new LinkedHashMap<>();
		for (Operation operation : operations) {
			switch (operation.kind()) {
				case REGISTER -> {
					emails.add(operation.value());
					checkRegistration(operation, state, tally);
				}
				case RENAME ->
					renames.computeIfAbsent(Objects.requireNonNull(operation.account()), (id) -> new ArrayList<>())
						.add(operation);
				case EDIT_PROFILE ->
					edits.computeIfAbsent(Objects.requireNonNull(operation.account()), (id) -> new ArrayList<>())
						.add(operation);
				case SET_STATUS -> tally.ok(operation);
			}
			if (operation.status() >= 500 && operation.status() != 503) {
				tally.unexpected(operation, "an outage is answered 503 service-unavailable; any other 5xx is a bug");
			}
		}
		renames.forEach((id, changes) -> checkLatest(changes, state.authNames.get(id),
				Arrays.asList(state.profileNames.get(id), state.recipientNames.get(id), state.chatNames.get(id)),
				tally));
		edits.forEach((id, changes) -> checkLatest(changes, state.displayNames.get(id),
				Arrays.asList(state.recipientDisplayNames.get(id), state.chatDisplayNames.get(id)), tally));
		for (Mail mail : state.mails) {
			if (mail.to().startsWith(this.addressPrefix) && !emails.contains(mail.to())) {
				tally.unexpected("an email to " + mail.to() + " that no registration asked for");
			}
		}
		state.deadLetters.forEach((line) -> tally.unexpected("a dead letter: " + line));
		return tally.verdict(operations.size());
	}

	private void checkRegistration(Operation operation, State state, Tally tally) {
		UUID id = state.accountsByEmail.get(operation.value());
		if (id == null) {
			if (operation.outcome() == Outcome.ACCEPTED) {
				tally.lost(operation, "no account in auth-service");
			}
			else {
				tally.ok(operation);
			}
			return;
		}
		if (operation.outcome() == Outcome.REFUSED) {
			tally.unexpected(operation, "refused with " + operation.status() + " but the account exists");
			return;
		}
		Map<String, Integer> effects = new LinkedHashMap<>();
		effects.put("profile in user-service", state.profileNames.containsKey(id) ? 1 : 0);
		effects.put("recipient in notification-service", state.recipientNames.containsKey(id) ? 1 : 0);
		effects.put("user in chat-service", state.chatNames.containsKey(id) ? 1 : 0);
		effects.put("welcome inbox row", state.welcomeNotices.getOrDefault(id, 0));
		int welcome = state.mailCount(operation.value(), WELCOME);
		int verify = state.mailCount(operation.value(), VERIFY);
		// The documented at-least-once window: an instance dies after the SMTP server
		// took the
		// email and before it recorded it as sent, so the redelivered event sends it
		// again. One
		// event asked for it (one outgoing_emails row); two would be a real duplicate.
		if ((welcome == 2 && state.emailRecords(operation.value(), "WELCOME") == 1)
				|| (verify == 2 && state.emailRecords(operation.value(), "VERIFY_EMAIL") == 1)) {
			tally.resent(operation);
			welcome = Math.min(welcome, 1);
			verify = Math.min(verify, 1);
		}
		effects.put("welcome email", welcome);
		effects.put("verification email", verify);
		tally.effects(operation, effects);
	}

	/**
	 * The latest accepted change of an account must be what its owner and every copy
	 * hold, unless a change without a definite answer (none, or a 5xx) won: it may have
	 * committed after changes sent later, or committed though its answer said it failed
	 * (fault 5 showed one: the profile held the value of an edit before the last accepted
	 * one).
	 */
	private void checkLatest(List<Operation> changes, @Nullable String owner, List<@Nullable String> copies,
			Tally tally) {
		List<Operation> accepted = changes.stream().filter((op) -> op.outcome() == Outcome.ACCEPTED).toList();
		changes.stream().filter((op) -> op.outcome() != Outcome.ACCEPTED).forEach(tally::ok);
		if (accepted.isEmpty()) {
			return;
		}
		Operation latest = accepted.getLast();
		accepted.subList(0, accepted.size() - 1).forEach(tally::ok);
		Set<String> acceptable = new HashSet<>();
		acceptable.add(latest.value());
		changes.stream().filter((op) -> op.outcome() == Outcome.UNKNOWN).forEach((op) -> acceptable.add(op.value()));
		if (owner == null || !acceptable.contains(owner)) {
			tally.lost(latest, "the owner holds " + owner + ", not " + latest.value());
			return;
		}
		for (String copy : copies) {
			if (!owner.equals(copy)) {
				tally.lost(latest, "a copy holds " + copy + ", not " + owner);
				return;
			}
		}
		tally.ok(latest);
	}

	/** What the services hold now. */
	private static final class State {

		final Map<String, UUID> accountsByEmail = new HashMap<>();

		final Map<UUID, String> authNames = new HashMap<>();

		final Map<UUID, String> profileNames = new HashMap<>();

		final Map<UUID, @Nullable String> displayNames = new HashMap<>();

		final Map<UUID, String> recipientNames = new HashMap<>();

		final Map<UUID, @Nullable String> recipientDisplayNames = new HashMap<>();

		final Map<UUID, String> chatNames = new HashMap<>();

		final Map<UUID, @Nullable String> chatDisplayNames = new HashMap<>();

		final Map<UUID, Integer> welcomeNotices = new HashMap<>();

		final List<String> deadLetters = new ArrayList<>();

		List<Mail> mails = List.of();

		Map<String, Long> mailCounts = Map.of();

		final Map<String, Integer> emailRecords = new HashMap<>();

		static State read(FluxSystem system) throws SQLException {
			State state = new State();
			query(system, "auth", "SELECT id, email, username FROM users", (row) -> {
				UUID id = row.getObject(1, UUID.class);
				state.accountsByEmail.put(row.getString(2), id);
				state.authNames.put(id, row.getString(3));
			});
			query(system, "user", "SELECT user_id, username, display_name FROM user_profiles", (row) -> {
				UUID id = row.getObject(1, UUID.class);
				state.profileNames.put(id, row.getString(2));
				state.displayNames.put(id, row.getString(3));
			});
			query(system, "notification", "SELECT user_id, username, display_name FROM recipients", (row) -> {
				UUID id = row.getObject(1, UUID.class);
				state.recipientNames.put(id, row.getString(2));
				state.recipientDisplayNames.put(id, row.getString(3));
			});
			query(system, "chat", "SELECT user_id, username, display_name FROM chat_users", (row) -> {
				UUID id = row.getObject(1, UUID.class);
				state.chatNames.put(id, row.getString(2));
				state.chatDisplayNames.put(id, row.getString(3));
			});
			query(system, "notification",
					"SELECT user_id, count(*) FROM notifications WHERE type = 'welcome' GROUP BY user_id",
					(row) -> state.welcomeNotices.put(row.getObject(1, UUID.class), row.getInt(2)));
			query(system, "notification", "SELECT recipient, kind, count(*) FROM outgoing_emails GROUP BY 1, 2",
					(row) -> state.emailRecords.put(row.getString(1) + "|" + row.getString(2), row.getInt(3)));
			for (String service : List.of("user", "notification", "chat")) {
				query(system, service,
						"SELECT event_type, error_class, error_message FROM flux_events.dead_letters WHERE status = 'DEAD'",
						(row) -> state.deadLetters
							.add(service + ": " + row.getString(1) + " " + row.getString(2) + " " + row.getString(3)));
			}
			state.mails = system.mail().all();
			state.mailCounts = state.mails.stream()
				.collect(Collectors.groupingBy((mail) -> mail.to() + "|" + mail.subject(), Collectors.counting()));
			return state;
		}

		/**
		 * The events that asked for an email of a kind to an address (WELCOME,
		 * VERIFY_EMAIL).
		 */
		int emailRecords(String to, String kind) {
			return this.emailRecords.getOrDefault(to + "|" + kind, 0);
		}

		int mailCount(String to, String subject) {
			return this.mailCounts.getOrDefault(to + "|" + subject, 0L).intValue();
		}

		private static void query(FluxSystem system, String service, String sql, Row row) throws SQLException {
			try (Connection connection = system.databases().connect(service);
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(sql)) {
				while (result.next()) {
					row.accept(result);
				}
			}
		}

		@FunctionalInterface
		private interface Row {

			void accept(ResultSet row) throws SQLException;

		}

	}

	/** Counts per verdict, and a line for each problem. */
	private static final class Tally {

		int ok;

		int lost;

		int duplicated;

		int unexpected;

		int resent;

		final List<String> problems = new ArrayList<>();

		void ok(Operation operation) {
			this.ok++;
		}

		void resent(Operation operation) {
			this.resent++;
			this.problems.add("resent " + describe(operation) + ": an email sent twice for one event");
		}

		void lost(Operation operation, String why) {
			this.lost++;
			this.problems.add("lost " + describe(operation) + ": " + why);
		}

		void unexpected(Operation operation, String why) {
			this.unexpected++;
			this.problems.add("unexpected " + describe(operation) + ": " + why);
		}

		void unexpected(String what) {
			this.unexpected++;
			this.problems.add("unexpected: " + what);
		}

		/** An operation whose effects should each have happened exactly once. */
		void effects(Operation operation, Map<String, Integer> counts) {
			Map<String, Integer> missing = filter(counts, (count) -> count == 0);
			Map<String, Integer> twice = filter(counts, (count) -> count > 1);
			if (!twice.isEmpty()) {
				this.duplicated++;
				this.problems.add("duplicated " + describe(operation) + ": " + twice);
			}
			else if (!missing.isEmpty()) {
				this.lost++;
				this.problems.add("lost " + describe(operation) + ": no " + missing.keySet());
			}
			else {
				this.ok++;
			}
		}

		Verdict verdict(int operations) {
			return new Verdict(operations, this.ok, this.lost, this.duplicated, this.unexpected, this.resent,
					Duration.ZERO, List.copyOf(this.problems));
		}

		private static Map<String, Integer> filter(Map<String, Integer> counts, Function<Integer, Boolean> test) {
			Map<String, Integer> matching = new LinkedHashMap<>();
			counts.forEach((what, count) -> {
				if (test.apply(count)) {
					matching.put(what, count);
				}
			});
			return matching;
		}

		private static String describe(Operation operation) {
			return operation.kind() + " " + operation.value() + " (" + operation.outcome() + " " + operation.status()
					+ ")";
		}

	}

	/**
	 * What the checker found.
	 *
	 * @param operations how many the workload made
	 * @param recovery from the end of the fault until nothing was lost any more (or the
	 * checker gave up)
	 * @param resent registrations whose email went out twice for one event: the
	 * at-least-once window between SMTP acceptance and the sent marker, counted apart
	 * @param problems one line per operation that is not ok, and per resent email
	 */
	record Verdict(int operations, int ok, int lost, int duplicated, int unexpected, int resent, Duration recovery,
			List<String> problems) {

		Verdict recovered(Duration after) {
			return new Verdict(this.operations, this.ok, this.lost, this.duplicated, this.unexpected, this.resent,
					after, this.problems);
		}

		/** The problems other than resent emails. */
		List<String> failures() {
			return this.problems.stream().filter((problem) -> !problem.startsWith("resent ")).toList();
		}

		boolean clean() {
			return this.lost == 0 && this.duplicated == 0 && this.unexpected == 0;
		}

		String row(String fault) {
			return "| %s | %d | %d | %d | %d | %d | %d | %.0f s |".formatted(fault, this.operations, this.ok, this.lost,
					this.duplicated, this.unexpected, this.resent, this.recovery.toMillis() / 1000.0);
		}

	}

}
