package dev.flux.events.contract;

import org.junit.jupiter.api.Test;

import dev.flux.events.EventType;
import dev.flux.events.NonRetryableEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventCatalogTests {

	@Test
	void standardCatalogHoldsTheUserProfileAndChatEvents() {
		EventCatalog catalog = EventCatalog.standard();

		assertThat(catalog.types()).containsExactly("channel.created", "channel.deleted", "channel.updated",
				"dm.created", "dm.deleted", "dm.updated", "message.deleted", "message.edited", "message.pinned",
				"message.reaction_added", "message.reaction_removed", "message.sent", "message.unpinned",
				"presence.updated", "profile.privacy_updated", "profile.updated", "read_state.updated",
				"relationship.accepted", "relationship.blocked", "relationship.removed", "relationship.requested",
				"relationship.unblocked", "role.created", "role.deleted", "role.updated", "server.created",
				"server.deleted", "server.member_joined", "server.member_left", "server.member_updated",
				"server.updated", "typing.started", "user.created", "user.deleted", "user.email_changed",
				"user.email_conflict", "user.password_changed", "user.password_reset_requested", "user.updated",
				"user.verification_requested");
		assertThat(catalog.payloadClass("user.created", 1)).isEqualTo(UserCreated.class);
		assertThat(catalog.payloadClass("user.updated", 1)).isEqualTo(UserUpdated.class);
		assertThat(catalog.payloadClass("user.deleted", 1)).isEqualTo(UserDeleted.class);
		assertThat(catalog.payloadClass("profile.updated", 1)).isEqualTo(ProfileUpdated.class);
		assertThat(catalog.payloadClass("presence.updated", 1)).isEqualTo(PresenceUpdated.class);
		assertThat(catalog.payloadClass("message.sent", 1)).isEqualTo(MessageSent.class);
	}

	@Test
	void onlyEventsCarryingATokenAreSensitive() {
		EventCatalog catalog = EventCatalog.standard();

		assertThat(catalog.payloadClasses()).filteredOn((type) -> catalog.typeOf(type).sensitive())
			.containsExactlyInAnyOrder(VerificationRequested.class, PasswordResetRequested.class, EmailChanged.class);
	}

	@Test
	void sensitivePayloadsNeverPrintTheirToken() {
		VerificationRequested event = new VerificationRequested(java.util.UUID.randomUUID(), "ada", "ada@example.com",
				"the-secret-token-value-0123456789abcdef", java.time.Instant.now());

		assertThat(event.toString()).doesNotContain("the-secret-token-value").contains("<secret>");
		assertThat(new EmailChanged(java.util.UUID.randomUUID(), "ada", "ada@example.com", "new@example.com",
				"the-takeback-token-0123456789abcdef", java.time.Instant.now())
			.toString()).doesNotContain("the-takeback-token").doesNotContain("@example.com");
	}

	@Test
	void typeOfGivesTheEventTypeOfARegisteredClass() {
		EventType eventType = EventCatalog.standard().typeOf(UserCreated.class);

		assertThat(eventType.value()).isEqualTo("user.created");
		assertThat(eventType.version()).isEqualTo(1);
		assertThat(eventType.sensitive()).isFalse();
	}

	@Test
	void rejectsAnUnknownTypeAsNonRetryable() {
		assertThatExceptionOfType(UnknownEventTypeException.class)
			.isThrownBy(() -> EventCatalog.standard().payloadClass("message.forwarded", 1))
			.withMessageContaining("message.forwarded")
			.isInstanceOf(NonRetryableEventException.class);
	}

	@Test
	void rejectsAnUnknownVersionOfAKnownType() {
		assertThatExceptionOfType(UnknownEventTypeException.class)
			.isThrownBy(() -> EventCatalog.standard().payloadClass("user.created", 2))
			.withMessageContaining("version 2")
			.withMessageContaining("[1]");
	}

	@Test
	void holdsSeveralVersionsOfOneType() {
		EventCatalog catalog = EventCatalog.of(ThingCreatedV1.class, ThingCreatedV2.class);

		assertThat(catalog.types()).containsExactly("thing.created");
		assertThat(catalog.payloadClass("thing.created", 1)).isEqualTo(ThingCreatedV1.class);
		assertThat(catalog.payloadClass("thing.created", 2)).isEqualTo(ThingCreatedV2.class);
		assertThat(catalog.payloadClasses()).containsExactly(ThingCreatedV1.class, ThingCreatedV2.class);
	}

	@Test
	void typeOfRejectsAClassWithoutEventType() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventCatalog.standard().typeOf(String.class))
			.withMessageContaining("@EventType");
	}

	@Test
	void typeOfRejectsAnUnregisteredClass() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventCatalog.standard().typeOf(ThingCreatedV1.class))
			.withMessageContaining("not registered");
	}

	@Test
	void refusesAClassWithoutEventType() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventCatalog.of(UserCreated.class, String.class))
			.withMessageContaining("java.lang.String");
	}

	@Test
	void refusesTwoClassesClaimingOneTypeAndVersion() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventCatalog.of(ThingCreatedV1.class, Impostor.class))
			.withMessageContaining("thing.created v1");
	}

	@Test
	void refusesATypeThatIsNotEntityDotAction() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventCatalog.of(BadlyNamed.class))
			.withMessageContaining("{entity}.{action}");
	}

	@Test
	void refusesAVersionBelowOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> EventCatalog.of(VersionZero.class))
			.withMessageContaining("below 1");
	}

	@EventType("thing.created")
	record ThingCreatedV1(String name) {
	}

	@EventType(value = "thing.created", version = 2)
	record ThingCreatedV2(String name, int size) {
	}

	@EventType("thing.created")
	record Impostor(String name) {
	}

	@EventType("ThingCreated")
	record BadlyNamed(String name) {
	}

	@EventType(value = "thing.created", version = 0)
	record VersionZero(String name) {
	}

}
