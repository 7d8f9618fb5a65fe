package dev.flux.notification.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How email is sent ({@code flux.notification.email.*}); the SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from the sender of every email
 * @param timeout the longest one SMTP attempt may take (Resilience4j time limiter)
 * @param attempts SMTP attempts per delivery of an event before it goes to the next retry
 * tier of the queue
 * @param backoff the wait before the second attempt, doubled for each further one
 * @param failureRate the percentage of failed sends that opens the circuit breaker
 * @param openFor how long an open breaker refuses sends before it tries again
 * @param perSecond the most emails sent per second by one instance (rate limiter)
 * @param retention how long the record of an email (its address among others) is kept:
 * longer than an event can be delivered again, so that it is never mailed twice
 */
@ConfigurationProperties("flux.notification.email")
public record EmailProperties(@DefaultValue("Flux <no-reply@flux.local>") String from,
		@DefaultValue("15s") Duration timeout, @DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff,
		@DefaultValue("50") float failureRate, @DefaultValue("30s") Duration openFor, @DefaultValue("20") int perSecond,
		@DefaultValue("14d") Duration retention) {

}
