package dev.flux.notification;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EmailChanged;
import dev.flux.events.contract.PasswordChanged;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.contract.UserUpdated;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /api/notifications}: a user's own inbox, filled from events, paged, filtered,
 * marked read; nobody else's, and bad requests refused with problem details.
 */
class InboxApiTests extends NotificationServiceTest {

	// A ceiling, not a wait: the event arrives in well under a second on a quiet machine,
	// and
	// a machine shared by several builds has taken more than 30 s.
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@Test
	void listsTheUsersNotificationsNewestFirstWithTheUnreadCount() {
		User user = userWithTwoNotifications();

		Http.Reply reply = this.http.get("/api/notifications", user.token());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.<List<String>>json("$.items[*].type")).containsExactly("password_changed", "welcome");
		assertThat(reply.<String>json("$.items[1].title")).isEqualTo("Welcome to Flux");
		assertThat(reply.<String>json("$.items[1].body"))
			.isEqualTo("Hi " + user.username() + ", your Flux account is ready.");
		assertThat(reply.<String>json("$.items[0].data.reason")).isEqualTo("changed");
		assertThat(reply.<Object>json("$.items[0].readAt")).isNull();
		assertThat(reply.<Integer>json("$.totalItems")).isEqualTo(2);
		assertThat(reply.<Integer>json("$.unreadCount")).isEqualTo(2);
		assertThat(
				this.http.get("/api/notifications?size=1&page=1", user.token()).<List<String>>json("$.items[*].type"))
			.containsExactly("welcome");
	}

	@Test
	void marksOneReadThenAllRead() {
		User user = userWithTwoNotifications();
		String newest = this.http.get("/api/notifications", user.token()).json("$.items[0].id");

		Http.Reply read = this.http.post("/api/notifications/" + newest + "/read", "", user.token());

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.<String>json("$.readAt")).isNotNull();
		assertThat(this.http.get("/api/notifications/unread-count", user.token()).<Integer>json("$.unreadCount"))
			.isEqualTo(1);
		assertThat(this.http.get("/api/notifications?unread=true", user.token()).<List<String>>json("$.items[*].type"))
			.containsExactly("welcome");

		Http.Reply all = this.http.post("/api/notifications/read-all", "", user.token());

		assertThat(all.<Integer>json("$.marked")).isEqualTo(1);
		assertThat(all.<Integer>json("$.unreadCount")).isEqualTo(0);
		assertThat(this.http.get("/api/notifications?unread=true", user.token()).<List<Object>>json("$.items"))
			.isEmpty();
	}

	@Test
	void neverShowsOrChangesAnotherUsersNotifications() {
		User owner = userWithTwoNotifications();
		User other = user();
		String ownersNotification = this.http.get("/api/notifications", owner.token()).json("$.items[0].id");

		Http.Reply list = this.http.get("/api/notifications", other.token());
		Http.Reply markRead = this.http.post("/api/notifications/" + ownersNotification + "/read", "", other.token());
		this.http.post("/api/notifications/read-all", "", other.token());

		assertThat(list.<List<Object>>json("$.items")).isEmpty();
		assertThat(markRead.status()).isEqualTo(404);
		assertThat(markRead.contentType()).startsWith("application/problem+json");
		assertThat(this.http.get("/api/notifications/unread-count", owner.token()).<Integer>json("$.unreadCount"))
			.isEqualTo(2);
	}

	@Test
	void refusesBadRequestsWithProblemDetailsAndChangesNothing() {
		User user = userWithTwoNotifications();

		for (String path : List.of("/api/notifications?size=0", "/api/notifications?size=101",
				"/api/notifications?page=-1", "/api/notifications?unread=maybe")) {
			Http.Reply reply = this.http.get(path, user.token());
			assertThat(reply.status()).as(path).isEqualTo(400);
			assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
		}
		Http.Reply badId = this.http.post("/api/notifications/not-a-uuid/read", "", user.token());
		Http.Reply unknown = this.http.post("/api/notifications/" + UUID.randomUUID() + "/read", "", user.token());

		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.contentType()).startsWith("application/problem+json");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(this.http.get("/api/notifications/unread-count", user.token()).<Integer>json("$.unreadCount"))
			.isEqualTo(2);
	}

	@Test
	void answersAServiceTokenNotAUserAsUserServiceDoes() {
		Http.Reply reply = this.http.get("/api/notifications", TOKENS.token().subject("chat-service").sign());

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.<String>json("$.type")).endsWith("/not-a-user");
	}

	@Test
	void keepsOneNotificationPerEventWhenItIsDeliveredAgainAndForgetsDeletedAccounts() {
		User user = user();
		EventEnvelope changed = publish(new EmailChanged(user.id(), user.username(), "old@example.com", user.email()),
				user.id(), 2, "auth-service");
		publish(changed);
		await().atMost(PATIENCE).until(() -> unread(user) == 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> unread(user) == 1);

		publish(new UserDeleted(user.id()), user.id(), 3, "auth-service");

		await().atMost(PATIENCE).until(() -> notifications(user) == 0);
		assertThat(this.http.get("/api/notifications/unread-count", user.token()).status())
			.as("the deleted account's token is refused")
			.isEqualTo(401);
	}

	@Test
	void dropsEventsAboutAnAccountThatArriveAfterItWasDeleted() {
		User user = userWithTwoNotifications();
		publish(new UserDeleted(user.id()), user.id(), 3, "auth-service");
		await().atMost(PATIENCE).until(() -> notifications(user) == 0);

		EventEnvelope renamed = publish(
				new UserUpdated(user.id(), Set.of("username"), "late_" + user.username(), user.email(), false),
				user.id(), 2, "auth-service");
		EventEnvelope reset = publish(new PasswordChanged(user.id(), user.username(), user.email(), "reset"), user.id(),
				2, "auth-service");

		await().atMost(PATIENCE).until(() -> handled(renamed) && handled(reset));
		assertThat(traces(user)).isZero();
		assertThat(notifications(user)).isZero();
	}

	private long notifications(User user) {
		return this.jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single();
	}

	private boolean handled(EventEnvelope event) {
		return this.jdbc.sql("SELECT count(*) FROM flux_events.inbox WHERE event_id = ?")
			.param(event.eventId())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Rows that still name the user: their recipient row, notifications and emails since
	 * deletion.
	 */
	private long traces(User user) {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM recipients WHERE user_id = :id)
				     + (SELECT count(*) FROM notifications WHERE user_id = :id)
				     + (SELECT count(*) FROM outgoing_emails WHERE user_id = :id
				          AND created_at > (SELECT deleted_at FROM deleted_recipients WHERE user_id = :id))
				""").param("id", user.id()).query(Long.class).single();
	}

	private int unread(User user) {
		return this.http.get("/api/notifications/unread-count", user.token()).json("$.unreadCount");
	}

	private User userWithTwoNotifications() {
		User user = user();
		publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1, "auth-service");
		await().atMost(PATIENCE).until(() -> unread(user) == 1);
		publish(new PasswordChanged(user.id(), user.username(), user.email(), "changed"), user.id(), 2, "auth-service");
		await().atMost(PATIENCE).until(() -> unread(user) == 2);
		return user;
	}

}
