package dev.flux.system.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.flux.system.harness.Accounts;
import dev.flux.system.harness.Accounts.Account;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.GatewaySocket;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deleting an account erases the person everywhere (DESIGN.md section 5): sockets open on
 * every gateway instance close with 4010, nothing about them can be read through any
 * service's API, their token is refused, and no table of any service's database (auth,
 * user, notification, chat; outbox, inbox and dead letters included) still holds their
 * username, former username, email or display name. Their id stays only where a tombstone
 * needs it.
 */
@SystemTest
@Order(4)
class AccountDeletionScenarioTests {

	private static final Duration PROPAGATION = Duration.ofSeconds(90);

	private static final List<String> DATABASES = List.of("auth", "user", "notification", "chat");

	/**
	 * Where a deleted person's id may stay: the tombstones that drop later events about
	 * them, the author of the messages others keep (shown as a deleted user), nonces and
	 * the messaging tables (ids and versions; their payloads are checked like every row).
	 */
	private static final Set<String> TOMBSTONES = Set.of("public.deleted_users", "public.deleted_recipients",
			"public.chat_users", "public.messages", "public.message_nonces", "flux_events.outbox_events",
			"flux_events.inbox", "flux_events.dead_letters");

	private final FluxSystem system;

	private final Accounts accounts;

	AccountDeletionScenarioTests(FluxSystem system) {
		this.system = system;
		this.accounts = new Accounts(system);
	}

	@Test
	void deletionClosesSocketsAndLeavesNothingOfThePersonInAnyService() throws Exception {
		Account person = this.accounts.register();
		Account friend = this.accounts.register();
		String formerUsername = person.username();
		String username = person.username() + "_r";
		String displayName = "Erasable " + person.id().toString().substring(0, 8);
		Reply renamed = this.system.http("auth-service")
			.patch("/api/auth/me", Map.of("username", username), person.accessToken());
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		await("the profile in user-service").atMost(PROPAGATION)
			.untilAsserted(() -> assertThat(this.system.http("user-service")
				.patch("/api/users/me/profile", Map.of("displayName", displayName), person.accessToken())
				.status()).isEqualTo(200));
		String channel = chatTogether(person, friend);
		Reply said = this.system.http("chat-service")
			.post("/api/channels/" + channel + "/messages", Map.of("content", "see you all"), person.accessToken());
		assertThat(said.status()).as(said.body()).isEqualTo(201);
		await("every service knows the person's latest name").atMost(PROPAGATION).untilAsserted(() -> {
			assertThat(column("notification", "SELECT display_name FROM recipients WHERE user_id = ?", person))
				.isEqualTo(displayName);
			assertThat(column("chat", "SELECT display_name FROM chat_users WHERE user_id = ?", person))
				.isEqualTo(displayName);
			assertThat(column("chat", "SELECT username FROM chat_users WHERE user_id = ?", person)).isEqualTo(username);
		});
		List<GatewaySocket> sockets = this.system.instances("notification-service")
			.stream()
			.map((gateway) -> GatewaySocket.open(gateway, person.accessToken()))
			.toList();
		try {
			await("the snapshots").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(sockets)
					.allSatisfy((socket) -> assertThat(socket.frames("snapshot")).hasSize(1)));

			Reply deleted = this.system.http("auth-service")
				.delete("/api/auth/me", Map.of("password", person.password()), person.accessToken());

			assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
			for (GatewaySocket socket : sockets) {
				assertThat(socket.closed().get(90, TimeUnit.SECONDS)).isEqualTo(4010);
			}
		}
		finally {
			sockets.forEach(GatewaySocket::close);
		}
		List<String> personal = List.of(person.email(), formerUsername, username, displayName);
		await("nothing readable through any API").atMost(PROPAGATION).untilAsserted(() -> {
			for (var users : this.system.instances("user-service")) {
				assertThat(users.http().get("/api/users/" + person.id(), friend.accessToken()).status()).isEqualTo(404);
				Reply search = users.http().get("/api/users?username=" + formerUsername, friend.accessToken());
				assertThat(search.status()).as(search.body()).isEqualTo(200);
				assertThat(search.body()).doesNotContain(person.id().toString());
			}
			for (var chat : this.system.instances("chat-service")) {
				String messages = chat.http()
					.get("/api/channels/" + channel + "/messages", friend.accessToken())
					.body();
				assertThat(messages).contains("see you all");
				personal.forEach((value) -> assertThat(messages).doesNotContainIgnoringCase(value));
			}
		});
		await("nothing of the person left in any database").atMost(PROPAGATION)
			.untilAsserted(() -> assertThat(leftovers(person, personal)).isEmpty());
		assertThat(column("chat", """
				SELECT deleted AND username IS NULL AND display_name IS NULL AND avatar_url IS NULL
				FROM chat_users WHERE user_id = ?""", person)).as("chat-service's tombstone").isEqualTo("t");
		for (String service : List.of("auth-service", "user-service", "notification-service", "chat-service")) {
			String path = switch (service) {
				case "auth-service" -> "/api/auth/me";
				case "user-service" -> "/api/users/me";
				case "chat-service" -> "/api/servers";
				default -> "/api/notifications";
			};
			assertThat(this.system.http(service).get(path, person.accessToken()).status())
				.as("the deleted account's token at %s", service)
				.isEqualTo(401);
		}
	}

	/**
	 * The person's server, which the friend joins through an invite and administers (so
	 * the server and its messages pass to the friend): the id of its text channel.
	 */
	private String chatTogether(Account person, Account friend) {
		// chat-service learns of new users from user.created: until then it refuses them.
		Reply server = await("the person's server").atMost(PROPAGATION)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.system.http("chat-service")
				.post("/api/servers", Map.of("name", "Erasure"), person.accessToken()),
					(reply) -> reply.status() == 201);
		String serverId = server.json("$.server.id");
		String channel = server.json("$.channels[0].id");
		Reply admins = this.system.http("chat-service")
			.post("/api/servers/" + serverId + "/roles",
					Map.of("name", "admins", "permissions", List.of("ADMINISTRATOR")), person.accessToken());
		assertThat(admins.status()).as(admins.body()).isEqualTo(201);
		Reply invite = this.system.http("chat-service")
			.post("/api/channels/" + channel + "/invites", Map.of(), person.accessToken());
		assertThat(invite.status()).as(invite.body()).isEqualTo(201);
		String code = invite.json("$.code");
		await("the friend in the server").atMost(PROPAGATION)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.system.http("chat-service").post("/api/invites/" + code, Map.of(), friend.accessToken()),
					(reply) -> reply.status() / 100 == 2);
		Reply promoted = this.system.http("chat-service")
			.put("/api/servers/" + serverId + "/members/" + friend.id() + "/roles/" + admins.json("$.id"), Map.of(),
					person.accessToken());
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(204);
		return channel;
	}

	/**
	 * Rows of any service's database holding a personal value, or the id outside a
	 * tombstone.
	 */
	private List<String> leftovers(Account person, List<String> personal) throws Exception {
		Leftovers scan = new Leftovers(this.system);
		List<String> found = new ArrayList<>();
		for (String database : DATABASES) {
			for (String value : personal) {
				scan.of(database, value).forEach((row) -> found.add(database + " holds " + value + " in " + row));
			}
			scan.of(database, person.id().toString())
				.stream()
				.filter((row) -> !TOMBSTONES.contains(row.substring(0, row.indexOf(':'))))
				.forEach((row) -> found.add(database + " holds the id in " + row));
		}
		return found;
	}

	private String column(String service, String sql, Account account) throws Exception {
		try (Connection connection = this.system.databases().connect(service);
				PreparedStatement query = connection.prepareStatement(sql)) {
			query.setObject(1, account.id());
			try (ResultSet result = query.executeQuery()) {
				return result.next() ? String.valueOf(result.getString(1)) : "(no row)";
			}
		}
	}

}
