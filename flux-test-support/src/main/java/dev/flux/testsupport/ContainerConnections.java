package dev.flux.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL and RabbitMQ containers that Spring Boot connects the service to. The
 * database and its owner get the service's own names, as {@code ./flux} provisions them.
 */
@TestConfiguration(proxyBeanMethods = false)
class ContainerConnections {

	static final DockerImageName POSTGRES = DockerImageName.parse("postgres:17-alpine");

	static final DockerImageName RABBITMQ = DockerImageName.parse("rabbitmq:4.1-management-alpine");

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres(Environment environment) {
		return new PostgreSQLContainer(POSTGRES).withDatabaseName(environment.getRequiredProperty("flux.database.name"))
			.withUsername(environment.getRequiredProperty("spring.datasource.username"))
			.withPassword(environment.getRequiredProperty("spring.datasource.password"));
	}

	@Bean
	@ServiceConnection
	RabbitMQContainer rabbitMq() {
		// The consistent-hash exchange of the partitioned service queues, with the
		// image's own plugins.
		return new RabbitMQContainer(RABBITMQ).withCopyFileToContainer(
				MountableFile.forHostPath(FluxInfrastructure.projectRoot().resolve("deploy/rabbitmq/enabled_plugins")),
				"/etc/rabbitmq/enabled_plugins");
	}

}
