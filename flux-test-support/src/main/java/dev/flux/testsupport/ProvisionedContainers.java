package dev.flux.testsupport;

import java.nio.file.Path;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.MountableFile;

import dev.flux.testsupport.FluxInfrastructure.Endpoint;

/**
 * Containers provisioned from deploy/ exactly as docker-compose provisions its servers,
 * shared by every system test of the JVM.
 */
final class ProvisionedContainers {

	private static PostgreSQLContainer postgres;

	private static RabbitMQContainer rabbitMq;

	private ProvisionedContainers() {
	}

	static synchronized Endpoint postgres() {
		if (postgres == null) {
			Path script = FluxInfrastructure.projectRoot().resolve("deploy/postgres/init-flux-databases.sh");
			postgres = new PostgreSQLContainer(ContainerConnections.POSTGRES).withCopyFileToContainer(
					MountableFile.forHostPath(script, 0755), "/docker-entrypoint-initdb.d/init-flux-databases.sh");
			postgres.start();
		}
		return endpoint(postgres, 5432);
	}

	static synchronized Endpoint rabbitMq() {
		if (rabbitMq == null) {
			Path deploy = FluxInfrastructure.projectRoot().resolve("deploy/rabbitmq");
			rabbitMq = new RabbitMQContainer(ContainerConnections.RABBITMQ)
				.withCopyFileToContainer(MountableFile.forHostPath(deploy.resolve("definitions.json")),
						"/etc/rabbitmq/definitions.json")
				.withCopyFileToContainer(MountableFile.forHostPath(deploy.resolve("20-flux.conf")),
						"/etc/rabbitmq/conf.d/20-flux.conf")
				.withCopyFileToContainer(MountableFile.forHostPath(deploy.resolve("advanced.config")),
						"/etc/rabbitmq/advanced.config")
				.withCopyFileToContainer(MountableFile.forHostPath(deploy.resolve("enabled_plugins")),
						"/etc/rabbitmq/enabled_plugins");
			rabbitMq.start();
		}
		return endpoint(rabbitMq, 5672);
	}

	private static Endpoint endpoint(GenericContainer<?> container, int port) {
		return new Endpoint(container.getHost(), container.getMappedPort(port));
	}

}
