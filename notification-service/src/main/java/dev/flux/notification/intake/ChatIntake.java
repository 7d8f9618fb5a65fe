package dev.flux.notification.intake;

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
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.RoleCreated;
import dev.flux.events.contract.RoleDeleted;
import dev.flux.events.contract.RoleUpdated;
import dev.flux.events.contract.ServerCreated;
import dev.flux.events.contract.ServerDeleted;
import dev.flux.events.contract.ServerUpdated;
import dev.flux.notification.chat.ChatDirectory;

/**
 * The chat events the service consumes: the structure of servers into the chat
 * projection, and {@code message.sent} for the notices of its mentions.
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
	 * {@code message.sent}: a notice in the inbox of each mentioned user who may view the
	 * channel.
	 */
	@Bean
	EventHandler<MessageSent> messageSentHandler(InboxDelivery inbox) {
		return new EventHandler<>() {

			@Override
			public Class<MessageSent> payloadType() {
				return MessageSent.class;
			}

			@Override
			public void handle(MessageSent sent, EventEnvelope envelope) {
				inbox.deliver(sent, envelope);
			}

		};
	}

}
