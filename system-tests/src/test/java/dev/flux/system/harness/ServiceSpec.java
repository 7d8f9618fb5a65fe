package dev.flux.system.harness;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * A service the harness runs: the module whose executable jar it starts, how many
 * instances, and the environment of instance {@code n} (1-based) on top of what every
 * service gets ({@link FluxSystem#SERVICES} lists them).
 *
 * @param name the module and jar name, e.g. {@code auth-service}
 * @param instances how many processes of it run side by side
 * @param environment the variables of its instance n, beyond the common ones
 */
public record ServiceSpec(String name, int instances, IntFunction<Map<String, String>> environment) {

	/** A service with only the common environment. */
	public static ServiceSpec of(String name, int instances) {
		return new ServiceSpec(name, instances, (n) -> Map.of());
	}

	/** {@code user-service-2} for instance 2. */
	String instanceName(int n) {
		return this.name + "-" + n;
	}

}
