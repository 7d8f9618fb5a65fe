package dev.flux.notification.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.ChannelCreated;
import dev.flux.events.contract.MemberJoined;
import dev.flux.events.contract.Mentions;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.RoleCreated;
import dev.flux.events.contract.SchemaViolationException;
import dev.flux.events.contract.ServerCreated;
import dev.flux.events.permission.Permission;
import dev.flux.notification.NotificationServiceTest;
import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.inbox.Notices;
import dev.flux.notification.social.SocialDirectory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's fan-out reads a message's payload only when a viewer of its channel has a
 * session on this instance: every instance gets every chat event, and the rest cost it no
 * more than the envelope.
 */
class ChatFanoutTests extends NotificationServiceTest {

	@Autowired
	private Sessions sessions;

	@Autowired
	private ChatDirectory directory;

	@Autowired
	private Notices notices;

	@Autowired
	private SocialDirectory social;

	@Test
	void readsAMessageOnlyWhenAViewerOfItsChannelIsConnectedHere() {
		User owner = user();
		String serverId = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
		String channelId = Long.toString(Long.parseLong(serverId) + 1);
		publish(new ServerCreated(serverId, "Fan-out", owner.id()), 1, serverId);
		publish(new RoleCreated(serverId, serverId, "@everyone", Permission.bitsOf(Set.of(Permission.VIEW_CHANNEL)), 0),
				1, serverId);
		publish(new ChannelCreated(channelId, serverId, "text", "general", null, 0, null, List.of()), 1, channelId);
		publish(new MemberJoined(serverId, owner.id()), 2, serverId);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.directory.audience(Long.parseLong(channelId))
				.map((audience) -> audience.viewers().contains(owner.id()))
				.orElse(false));
		EventFanout fanout = new EventFanout(CODEC, this.sessions, this.notices,
				new ChatFanout(this.directory, this.sessions, this.social));
		// A payload its record cannot hold: reading it fails, so a read shows.
		EventEnvelope sent = CODEC.envelope(
				new MessageSent("1", owner.id(), channelId, serverId, "hi", null, Mentions.none(), null, Instant.now()),
				UUID.randomUUID(), Instant.now(), "chat-service", "1", 1, UUID.randomUUID(), null);
		((ObjectNode) sent.payload()).put("authorId", "not-a-uuid");
		byte[] unreadable = CODEC.toJson(sent);

		assertThatCode(() -> fanout.deliver(unreadable)).as("nobody here may view the channel")
			.doesNotThrowAnyException();
		GatewaySession session = this.sessions.open(owner.id(), Instant.now().plus(Duration.ofHours(1)));
		try {
			assertThatThrownBy(() -> fanout.deliver(unreadable)).as("the owner is connected here")
				.isInstanceOf(SchemaViolationException.class);
		}
		finally {
			this.sessions.end(session);
		}
	}

	private void publish(Object payload, long version, String aggregateId) {
		publish(CODEC.envelope(payload, UUID.randomUUID(), Instant.now(), "chat-service", aggregateId, version,
				UUID.randomUUID(), null));
	}

}
