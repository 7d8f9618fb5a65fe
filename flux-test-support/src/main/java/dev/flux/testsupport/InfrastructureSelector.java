package dev.flux.testsupport;

import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports the container connections when Testcontainers provides the servers, nothing
 * when {@code ./flux test} does; fails the test context with how to fix the machine
 * otherwise.
 */
class InfrastructureSelector implements ImportSelector {

	@Override
	public String[] selectImports(AnnotationMetadata metadata) {
		return switch (FluxInfrastructure.mode()) {
			case EXTERNAL -> new String[0];
			case CONTAINERS -> new String[] { ContainerConnections.class.getName() };
		};
	}

}
