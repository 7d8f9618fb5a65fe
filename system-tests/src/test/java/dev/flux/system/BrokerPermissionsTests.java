package dev.flux.system;

import java.util.List;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.flux.testsupport.FluxInfrastructure;
import dev.flux.testsupport.FluxInfrastructure.Endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each service has its own RabbitMQ user on vhost {@code flux}, allowed its own queues
 * and the event exchanges, and nothing of the other services
 * (deploy/rabbitmq/definitions.json).
 */
class BrokerPermissionsTests {

	private static final List<String> SERVICES = List.of("auth", "user", "notification", "chat");

	@ParameterizedTest(name = "flux-{0} declares and uses its own queues")
	@ValueSource(strings = { "auth", "user", "notification", "chat" })
	void serviceUserManagesItsOwnQueues(String service) throws Exception {
		try (Connection connection = connect("flux-" + service); Channel channel = connection.createChannel()) {
			String queue = service + ".service.permission-check-" + UUID.randomUUID();
			channel.queueDeclare(queue, false, true, true, null);
			channel.exchangeDeclare("app.events", "topic", true);
			channel.queueBind(queue, "app.events", "permission.check");
			channel.basicPublish("app.events", "permission.check", null, "ping".getBytes());

			assertThat(channel.queueDeclarePassive(queue).getQueue()).isEqualTo(queue);
		}
	}

	@ParameterizedTest(name = "flux-{0} is refused the queues of the other services")
	@ValueSource(strings = { "auth", "user", "notification", "chat" })
	void serviceUserIsRefusedOtherServicesQueues(String service) throws Exception {
		for (String other : SERVICES.stream().filter((candidate) -> !candidate.equals(service)).toList()) {
			try (Connection connection = connect("flux-" + service)) {
				Channel channel = connection.createChannel();
				String queue = other + ".service.queue.0";

				assertThatException().isThrownBy(() -> channel.queueDeclare(queue, true, false, false, null))
					.withStackTraceContaining("ACCESS_REFUSED");
			}
		}
	}

	@Test
	void defaultGuestUserCannotLogIn() {
		assertThatException().isThrownBy(() -> connect("guest", "guest", "/").close())
			.withStackTraceContaining("ACCESS_REFUSED");
	}

	private static Connection connect(String user) throws Exception {
		return connect(user, user, "flux");
	}

	private static Connection connect(String user, String password, String vhost) throws Exception {
		Endpoint rabbit = FluxInfrastructure.rabbitMq();
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(rabbit.host());
		factory.setPort(rabbit.port());
		factory.setUsername(user);
		factory.setPassword(password);
		factory.setVirtualHost(vhost);
		return factory.newConnection();
	}

}
