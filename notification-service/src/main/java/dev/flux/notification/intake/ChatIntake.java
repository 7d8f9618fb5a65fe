package dev.flux.notification.intake;

import java.util.function.BiConsumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.ChannelCreated;
import dev.flux.events.contract.ChannelDeleted;
import dev.flux.events.contract.ChannelUpdated;
import dev.flux.events.contract.MemberJoined;
import dev.flux.events.contract.MemberLeft;
import dev.flux.events.contract.MemberUpdated;
import dev.flux.events.contract.MessageDeleted;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.ReadStateUpdated;
import dev.flux.events.contract.RoleCreated;
import dev.flux.events.contract.RoleDeleted;
import dev.flux.events.contract.RoleUpdated;
import dev.flux.events.contract.ServerCreated;
import dev.flux.events.contract.ServerDeleted;
import dev.flux.events.contract.ServerUpdated;
import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.readstate.ReadStates;
import dev.flux.notification.social.SocialDirectory;

/**
 * The chat events the service consumes: the structure of servers into the chat
 * projection, {@code message.sent} for the notices of its mentions, and the messages and
 * acks that make the read states of the gateway's snapshot.
 */
@Configuration(proxyBeanMethods = false)
class ChatIntake {

	@Bean
	ChatStructureHandler<ServerCreated> serverCreatedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(ServerCreated.class, directory);
	}

	@Bean
	ChatStructureHandler<ServerUpdated> serverUpdatedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(ServerUpdated.class, directory);
	}

	@Bean
	ChatStructureHandler<ServerDeleted> serverDeletedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(ServerDeleted.class, directory);
	}

	@Bean
	ChatStructureHandler<MemberJoined> memberJoinedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(MemberJoined.class, directory);
	}

	@Bean
	ChatStructureHandler<MemberUpdated> memberUpdatedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(MemberUpdated.class, directory);
	}

	@Bean
	ChatStructureHandler<MemberLeft> memberLeftHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(MemberLeft.class, directory);
	}

	@Bean
	ChatStructureHandler<RoleCreated> roleCreatedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(RoleCreated.class, directory);
	}

	@Bean
	ChatStructureHandler<RoleUpdated> roleUpdatedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(RoleUpdated.class, directory);
	}

	@Bean
	ChatStructureHandler<RoleDeleted> roleDeletedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(RoleDeleted.class, directory);
	}

	@Bean
	ChatStructureHandler<ChannelCreated> channelCreatedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(ChannelCreated.class, directory);
	}

	@Bean
	ChatStructureHandler<ChannelUpdated> channelUpdatedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(ChannelUpdated.class, directory);
	}

	@Bean
	ChatStructureHandler<ChannelDeleted> channelDeletedHandler(ChatDirectory directory) {
		return new ChatStructureHandler<>(ChannelDeleted.class, directory);
	}

	/**
	 * {@code message.sent}: the channel's read states, and a notice in the inbox of each
	 * mentioned user who may view the channel (each other member of a DM, who are known
	 * from {@code dm.created}: a DM message that overtook it waits for it in the
	 * retries).
	 */
	@Bean
	EventHandler<MessageSent> messageSentHandler(InboxDelivery inbox, ReadStates readStates, SocialDirectory social) {
		return handler(MessageSent.class, (sent, envelope) -> {
			if (sent.serverId() == null && !social.knows(Long.parseLong(sent.channelId()))) {
				// Another instance may still be applying its dm.created: retried, not
				// lost.
				throw new IllegalStateException("DM channel " + sent.channelId() + " is not known here yet");
			}
			readStates.messageSent(sent);
			inbox.deliver(sent, envelope);
		});
	}

	/** {@code message.deleted}: a deleted message is no unread mention any more. */
	@Bean
	EventHandler<MessageDeleted> messageDeletedHandler(ReadStates readStates) {
		return handler(MessageDeleted.class, (deleted, envelope) -> readStates.messageDeleted(deleted));
	}

	/** {@code read_state.updated}: an ack on one of the user's devices. */
	@Bean
	EventHandler<ReadStateUpdated> readStateUpdatedHandler(ReadStates readStates) {
		return handler(ReadStateUpdated.class, (acked, envelope) -> readStates.acked(acked));
	}

	private static <P> EventHandler<P> handler(Class<P> type, BiConsumer<P, EventEnvelope> apply) {
		return new EventHandler<>() {

			@Override
			public Class<P> payloadType() {
				return type;
			}

			@Override
			public void handle(P payload, EventEnvelope envelope) {
				apply.accept(payload, envelope);
			}

		};
	}

}
