package dev.flux.events.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the service is in the event topology ({@code flux.events.*}).
 *
 * @param service the short name prefixing its queues ({@code user} for
 * {@code user.service.queue}); blank means {@code spring.application.name} without
 * {@code -service}
 */
@ConfigurationProperties("flux.events")
public record FluxEventsProperties(@DefaultValue("") String service) {

}
