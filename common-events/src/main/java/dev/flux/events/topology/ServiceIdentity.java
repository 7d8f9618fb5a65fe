package dev.flux.events.topology;

/**
 * Who this application is in the topology.
 *
 * @param service the short name that prefixes its queues and users: {@code user}
 * @param producer the name written as {@code producer} in its events:
 * {@code user-service}
 */
public record ServiceIdentity(String service, String producer) {

	/** The identity of an application named {@code <service>-service}, or as given. */
	public static ServiceIdentity of(String applicationName, String service) {
		return new ServiceIdentity(service.isBlank() ? applicationName.replaceFirst("-service$", "") : service,
				applicationName);
	}

}
