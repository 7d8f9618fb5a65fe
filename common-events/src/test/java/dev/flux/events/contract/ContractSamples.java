package dev.flux.events.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.flux.events.EventEnvelope;
import dev.flux.events.EventType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample of every standard payload, and the values the hand-written examples under
 * {@code examples/} hold.
 */
final class ContractSamples {

	static final UUID USER_ID = UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d");

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
			Map.entry(UserCreated.class, new UserCreated(USER_ID, "grace", "grace@example.org", true)),
			Map.entry(UserUpdated.class,
					new UserUpdated(USER_ID, Set.of("username"), "grace.hopper", "grace@example.org", true)),
			Map.entry(UserDeleted.class, new UserDeleted(USER_ID)),
			Map.entry(VerificationRequested.class,
					new VerificationRequested(USER_ID, "grace", "grace@example.org",
							"c2VjcmV0LXRva2VuLXRoYXQtaXMtbG9uZy1lbm91Z2g", Instant.parse("2026-03-05T05:06:07Z"))),
			Map.entry(PasswordResetRequested.class,
					new PasswordResetRequested(USER_ID, "grace", "grace@example.org",
							"YW5vdGhlci1zZWNyZXQtdG9rZW4tbG9uZy1lbm91Z2g", Instant.parse("2026-03-04T06:06:07Z"))),
			Map.entry(PasswordChanged.class, new PasswordChanged(USER_ID, "grace", "grace@example.org", "changed")),
			Map.entry(EmailConflict.class, new EmailConflict(USER_ID, "grace", "grace@example.org", "email_change")),
			Map.entry(EmailChanged.class,
					new EmailChanged(USER_ID, "grace", "grace@example.org", "grace.hopper@example.org",
							"dGFrZWJhY2stdG9rZW4tb2YtZ3JhY2UtbG9uZy1lbm91Z2g", Instant.parse("2026-03-11T06:06:07Z"))),
			Map.entry(ProfileUpdated.class, new ProfileUpdated(USER_ID,
					Set.of("bio", "status", "customStatus", "activities"), "Grace", null,
					"Rear admiral, compiler author", "online",
					new ProfileUpdated.CustomStatus("Debugging", "\uD83D\uDC1B", Instant.parse("2026-03-05T00:00:00Z")),
					List.of(new ProfileUpdated.Activity("playing", "Nanosecond wire", "Level 3", null,
							Instant.parse("2026-03-04T05:00:00Z"), null)))),
			Map.entry(PresenceUpdated.class, new PresenceUpdated(USER_ID, "offline")),
			Map.entry(ServerCreated.class, new ServerCreated("123456789012345678", "Chess club", USER_ID)),
			Map.entry(ServerUpdated.class,
					new ServerUpdated("123456789012345678", Set.of("name"), "Chess & Go", USER_ID)),
			Map.entry(ServerDeleted.class, new ServerDeleted("123456789012345678")),
			Map.entry(MemberJoined.class,
					new MemberJoined("123456789012345678", UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"))),
			Map.entry(MemberLeft.class,
					new MemberLeft("123456789012345678", UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
							"kicked")),
			Map.entry(MemberUpdated.class,
					new MemberUpdated("123456789012345678", UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
							"Knight", List.of("123456789012345680"))),
			Map.entry(ChannelCreated.class,
					new ChannelCreated("123456789012345679", "123456789012345678", "text", "openings",
							"Talk about openings", 1, "123456789012345600",
							List.of(new ChannelOverwrite("123456789012345678", null, 0, 2048),
									new ChannelOverwrite(null, UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
											2048, 0)))),
			Map.entry(ChannelUpdated.class,
					new ChannelUpdated("123456789012345679", "123456789012345678", "text", "openings", null, 2, null,
							List.of())),
			Map.entry(ChannelDeleted.class, new ChannelDeleted("123456789012345679", "123456789012345678")),
			Map.entry(RoleCreated.class,
					new RoleCreated("123456789012345680", "123456789012345678", "Moderators", 8208, 1)),
			Map.entry(RoleUpdated.class, new RoleUpdated("123456789012345680", "123456789012345678", "Mods", 8192, 2)),
			Map.entry(RoleDeleted.class, new RoleDeleted("123456789012345680", "123456789012345678")),
			Map.entry(MessageSent.class, new MessageSent("123456789012345999", USER_ID, "123456789012345679",
					"123456789012345678", "Good game <@7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e>", null,
					new Mentions(List.of(UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e")),
							List.of("123456789012345680"), false),
					"client-17", Instant.parse("2026-03-04T05:06:07Z"))),
			Map.entry(MessageEdited.class,
					new MessageEdited("123456789012345999", USER_ID, "123456789012345679", "123456789012345678",
							"Good game, well played <@7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e>",
							new Mentions(List.of(UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e")),
									List.of("123456789012345680"), false),
							Instant.parse("2026-03-04T05:07:00Z"))),
			Map.entry(MessageDeleted.class,
					new MessageDeleted("123456789012345999", USER_ID, "123456789012345679", "123456789012345678",
							USER_ID)),
			Map.entry(PrivacyUpdated.class,
					new PrivacyUpdated(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"), false, true, true)),
			Map.entry(RelationshipRequested.class,
					new RelationshipRequested(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"))),
			Map.entry(RelationshipAccepted.class,
					new RelationshipAccepted(UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"))),
			Map.entry(RelationshipRemoved.class,
					new RelationshipRemoved(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"), "unfriended")),
			Map.entry(RelationshipBlocked.class,
					new RelationshipBlocked(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"))),
			Map.entry(RelationshipUnblocked.class,
					new RelationshipUnblocked(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"))),
			Map.entry(DmCreated.class,
					new DmCreated("123456789012345700", "group_dm", "Road trip",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							List.of(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
									UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
									UUID.fromString("8f3e4d9c-5a6b-4c8d-8ebf-2a3b4c5d6e7f")))),
			Map.entry(DmUpdated.class,
					new DmUpdated("123456789012345700", "member_added",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("8f3e4d9c-5a6b-4c8d-8ebf-2a3b4c5d6e7f"), "Road trip",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							List.of(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
									UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
									UUID.fromString("8f3e4d9c-5a6b-4c8d-8ebf-2a3b4c5d6e7f")))),
			Map.entry(DmDeleted.class, new DmDeleted("123456789012345700")),
			Map.entry(ReactionAdded.class,
					new ReactionAdded("123456789012345999", "123456789012345700", null,
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"), "\uD83D\uDC4D")),
			Map.entry(ReactionRemoved.class,
					new ReactionRemoved("123456789012345999", "123456789012345700", null,
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"), ":party_parrot:")),
			Map.entry(MessagePinned.class,
					new MessagePinned("123456789012345999", "123456789012345700", "123456789012345678",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"))),
			Map.entry(MessageUnpinned.class,
					new MessageUnpinned("123456789012345999", "123456789012345700", "123456789012345678",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"))),
			Map.entry(ReadStateUpdated.class,
					new ReadStateUpdated(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"), "123456789012345700",
							"123456789012345999", 0)),
			Map.entry(TypingStarted.class, new TypingStarted("123456789012345679", "123456789012345678", USER_ID,
					Instant.parse("2026-03-04T05:06:15Z"))));

	private static final Map<Class<?>, Object> EXAMPLES = Map.ofEntries(
			Map.entry(UserCreated.class, new UserCreated(USER_ID, "ada", "ada@example.com", false)),
			Map.entry(UserUpdated.class,
					new UserUpdated(
							USER_ID, Set.of("email", "emailVerified"), "ada", "ada.lovelace@example.com", true)),
			Map.entry(UserDeleted.class, new UserDeleted(USER_ID)),
			Map.entry(VerificationRequested.class,
					new VerificationRequested(USER_ID, "ada", "ada@example.com",
							"q6Xz0m1rY3s8Jv2LwTn5Pb7Hd4Kc9Gf0Ua1Se6Ri3Oy", Instant.parse("2026-01-02T12:00:00Z"))),
			Map.entry(PasswordResetRequested.class,
					new PasswordResetRequested(USER_ID, "ada", "ada@example.com",
							"Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2H1g0Fe", Instant.parse("2026-01-01T12:30:00Z"))),
			Map.entry(PasswordChanged.class, new PasswordChanged(USER_ID, "ada", "ada@example.com", "reset")),
			Map.entry(EmailConflict.class, new EmailConflict(USER_ID, "ada", "ada@example.com", "registration")),
			Map.entry(EmailChanged.class,
					new EmailChanged(USER_ID, "ada", "ada@example.com", "ada.lovelace@example.com")),
			Map.entry(ProfileUpdated.class,
					new ProfileUpdated(USER_ID, Set.of("displayName", "avatarUrl", "customStatus"), "Ada Lovelace",
							"https://cdn.example.com/avatars/ada.png", null, "online",
							new ProfileUpdated.CustomStatus("Writing notes on the engine", "\u2699\ufe0f",
									Instant.parse("2026-01-02T18:00:00Z")),
							List.of(new ProfileUpdated.Activity("listening", "Symphony No. 9", "Beethoven", null,
									Instant.parse("2026-01-02T08:45:00Z"), null)))),
			Map.entry(PresenceUpdated.class, new PresenceUpdated(USER_ID, "online")),
			Map.entry(ServerCreated.class, new ServerCreated("123456789012345678", "Chess club", USER_ID)),
			Map.entry(ServerUpdated.class,
					new ServerUpdated("123456789012345678", Set.of("name"), "Chess & Go", USER_ID)),
			Map.entry(ServerDeleted.class, new ServerDeleted("123456789012345678")),
			Map.entry(MemberJoined.class,
					new MemberJoined("123456789012345678", UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"))),
			Map.entry(MemberLeft.class,
					new MemberLeft("123456789012345678", UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
							"kicked")),
			Map.entry(MemberUpdated.class,
					new MemberUpdated("123456789012345678", UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
							"Knight", List.of("123456789012345680"))),
			Map.entry(ChannelCreated.class,
					new ChannelCreated("123456789012345679", "123456789012345678", "text", "openings",
							"Talk about openings", 1, "123456789012345600",
							List.of(new ChannelOverwrite("123456789012345678", null, 0, 2048),
									new ChannelOverwrite(null, UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
											2048, 0)))),
			Map.entry(ChannelUpdated.class,
					new ChannelUpdated("123456789012345679", "123456789012345678", "text", "openings", null, 2, null,
							List.of())),
			Map.entry(ChannelDeleted.class, new ChannelDeleted("123456789012345679", "123456789012345678")),
			Map.entry(RoleCreated.class,
					new RoleCreated("123456789012345680", "123456789012345678", "Moderators", 8208, 1)),
			Map.entry(RoleUpdated.class, new RoleUpdated("123456789012345680", "123456789012345678", "Mods", 8192, 2)),
			Map.entry(RoleDeleted.class, new RoleDeleted("123456789012345680", "123456789012345678")),
			Map.entry(MessageSent.class, new MessageSent("123456789012345999", USER_ID, "123456789012345679",
					"123456789012345678", "Good game <@7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e>", null,
					new Mentions(List.of(UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e")),
							List.of("123456789012345680"), false),
					"client-17", Instant.parse("2026-03-04T05:06:07Z"))),
			Map.entry(MessageEdited.class,
					new MessageEdited("123456789012345999", USER_ID, "123456789012345679", "123456789012345678",
							"Good game, well played <@7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e>",
							new Mentions(List.of(UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e")),
									List.of("123456789012345680"), false),
							Instant.parse("2026-03-04T05:07:00Z"))),
			Map.entry(MessageDeleted.class,
					new MessageDeleted("123456789012345999", USER_ID, "123456789012345679", "123456789012345678",
							USER_ID)),
			Map.entry(PrivacyUpdated.class,
					new PrivacyUpdated(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"), false, true, true)),
			Map.entry(RelationshipRequested.class,
					new RelationshipRequested(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"))),
			Map.entry(RelationshipAccepted.class,
					new RelationshipAccepted(UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"))),
			Map.entry(RelationshipRemoved.class,
					new RelationshipRemoved(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"), "unfriended")),
			Map.entry(RelationshipBlocked.class,
					new RelationshipBlocked(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"))),
			Map.entry(RelationshipUnblocked.class,
					new RelationshipUnblocked(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"))),
			Map.entry(DmCreated.class,
					new DmCreated("123456789012345700", "group_dm", "Road trip",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							List.of(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
									UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
									UUID.fromString("8f3e4d9c-5a6b-4c8d-8ebf-2a3b4c5d6e7f")))),
			Map.entry(DmUpdated.class,
					new DmUpdated("123456789012345700", "member_added",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							UUID.fromString("8f3e4d9c-5a6b-4c8d-8ebf-2a3b4c5d6e7f"), "Road trip",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
							List.of(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"),
									UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"),
									UUID.fromString("8f3e4d9c-5a6b-4c8d-8ebf-2a3b4c5d6e7f")))),
			Map.entry(DmDeleted.class, new DmDeleted("123456789012345700")),
			Map.entry(ReactionAdded.class,
					new ReactionAdded("123456789012345999", "123456789012345700", null,
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"), "\uD83D\uDC4D")),
			Map.entry(ReactionRemoved.class,
					new ReactionRemoved("123456789012345999", "123456789012345700", null,
							UUID.fromString("7e2d3c8b-4f5a-4b7c-9dae-1f2a3b4c5d6e"), ":party_parrot:")),
			Map.entry(MessagePinned.class,
					new MessagePinned("123456789012345999", "123456789012345700", "123456789012345678",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"))),
			Map.entry(MessageUnpinned.class,
					new MessageUnpinned("123456789012345999", "123456789012345700", "123456789012345678",
							UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"))),
			Map.entry(ReadStateUpdated.class,
					new ReadStateUpdated(UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d"), "123456789012345700",
							"123456789012345999", 0)),
			Map.entry(TypingStarted.class, new TypingStarted("123456789012345679", "123456789012345678", USER_ID,
					Instant.parse("2026-03-04T05:06:15Z"))));

	private ContractSamples() {
	}

	static Object sample(Class<?> payloadClass) {
		assertThat(SAMPLES).as("sample payloads").containsKey(payloadClass);
		return SAMPLES.get(payloadClass);
	}

	static Object expectedExample(Class<?> payloadClass) {
		assertThat(EXAMPLES).as("expected values of the examples").containsKey(payloadClass);
		return EXAMPLES.get(payloadClass);
	}

	static EventEnvelope envelopeOf(Object payload) {
		return EventCodec.standard()
			.envelope(payload, UUID.randomUUID(), Instant.parse("2026-03-04T05:06:07.089Z"), "auth-service",
					USER_ID.toString(), 7, UUID.randomUUID(), UUID.randomUUID());
	}

	static byte[] example(Class<?> payloadClass) {
		EventType eventType = EventCatalog.standard().typeOf(payloadClass);
		String name = "examples/" + eventType.value() + ".v" + eventType.version() + ".json";
		try (InputStream in = ContractSamples.class.getResourceAsStream(name)) {
			assertThat(in).as("test resource dev/flux/events/contract/" + name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ObjectNode exampleTree(Class<?> payloadClass) {
		return (ObjectNode) MAPPER.readTree(example(payloadClass));
	}

	static byte[] json(ObjectNode tree) {
		return MAPPER.writeValueAsBytes(tree);
	}

}
