package dev.flux.notification.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import dev.flux.events.contract.EventCodec;
import dev.flux.events.topology.FluxTopology;
import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.social.SocialDirectory;
import dev.flux.notification.inbox.Notices;

/**
 * Wires the gateway: {@code /ws} with the Origin check and handshake authentication,
 * small per-socket buffers (clients send small actions), and this instance's queue with
 * its consumer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class GatewayConfiguration implements WebSocketConfigurer {

	/**
	 * The largest text frame a client may send, in characters: actions are small, the
	 * largest is an identify or resume carrying an access token (under 1,000 characters).
	 * Tomcat keeps a buffer of this size per socket, so it bounds memory per connection.
	 */
	static final int MAX_CLIENT_FRAME = 2048;

	/**
	 * Tomcat's per-socket read and write buffers, in bytes, down from 8 KB: the gateway
	 * holds many mostly idle sockets that carry small frames.
	 */
	static final int SOCKET_BUFFER = 4096;

	private final GatewayHandler handler;

	private final GatewayProperties properties;

	GatewayConfiguration(Sessions sessions, AccessTokenCheck tokens, ClientActions actions, SnapshotReader snapshots,
			GatewayProperties properties) {
		this.handler = new GatewayHandler(sessions, tokens, actions, snapshots, properties);
		this.properties = properties;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, "/ws")
			.addInterceptors(new OriginSyntax(), new HandshakeAuthentication())
			.setAllowedOrigins(this.properties.allowedOrigins().toArray(String[]::new));
	}

	@Bean
	static ServletServerContainerFactoryBean gatewayContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(MAX_CLIENT_FRAME);
		container.setMaxBinaryMessageBufferSize(1024);
		container.setAsyncSendTimeout(10_000L);
		return container;
	}

	@Bean
	static TomcatConnectorCustomizer gatewaySocketBuffers() {
		return (connector) -> {
			connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER));
			connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER));
		};
	}

	@Bean
	Declarables gatewayQueue(GatewayInstance instance) {
		Queue queue = new Queue(instance.queue(), false, false, false, Map.of("x-expires", 60_000, "x-message-ttl",
				(int) this.properties.resumeWindow().toMillis(), "x-queue-type", "classic"));
		List<Declarable> declarables = new ArrayList<>();
		declarables.add(queue);
		for (String key : GatewayInstance.BINDING_KEYS) {
			declarables.add(new Binding(queue.getName(), Binding.DestinationType.QUEUE, FluxTopology.EVENTS_EXCHANGE,
					key, null));
		}
		return new Declarables(declarables);
	}

	@Bean
	SimpleMessageListenerContainer gatewayConsumer(ConnectionFactory connectionFactory, GatewayInstance instance,
			EventCodec codec, Sessions sessions, Notices notices, ChatDirectory directory, SocialDirectory social) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(instance.queue());
		container.setAcknowledgeMode(AcknowledgeMode.NONE);
		container.setConcurrentConsumers(1);
		container.setPrefetchCount(500);
		container.setMissingQueuesFatal(false);
		container
			.setMessageListener(new EventFanout(codec, sessions, notices, new ChatFanout(directory, sessions, social)));
		return container;
	}

}
