package dev.flux.notification.email;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import dev.flux.events.NonRetryableEventException;

/**
 * Sends through SMTP behind Resilience4j: a rate limit per instance, a circuit breaker
 * that stops hammering a server that is down, a time limit per attempt, and a few quick
 * retries with exponential backoff. When those give up the exception reaches the event
 * consumer, whose retry tiers try again later; a message that can never be built (a
 * malformed address) is not retried at all. The breaker and the retry are meters
 * ({@code resilience4j_circuitbreaker_*}, {@code resilience4j_retry_*}, name
 * {@code smtp}).
 */
@Component
class GuardedSmtp implements DisposableBean, MeterBinder {

	private final JavaMailSender mail;

	private final EmailProperties properties;

	private final RetryRegistry retries = RetryRegistry.ofDefaults();

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

	private final Retry retry;

	private final CircuitBreaker breaker;

	private final RateLimiter rateLimiter;

	private final TimeLimiter timeLimiter;

	private final ExecutorService sender = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("smtp-sender").daemon(true).factory());

	GuardedSmtp(JavaMailSender mail, EmailProperties properties) {
		this.mail = mail;
		this.properties = properties;
		this.retry = this.retries.retry("smtp",
				RetryConfig.custom()
					.maxAttempts(Math.max(1, properties.attempts()))
					.intervalFunction(IntervalFunction.ofExponentialBackoff(properties.backoff(), 2.0))
					.ignoreExceptions(CallNotPermittedException.class, RequestNotPermitted.class,
							MailParseException.class, MailPreparationException.class)
					.build());
		this.breaker = this.breakers.circuitBreaker("smtp",
				CircuitBreakerConfig.custom()
					.failureRateThreshold(properties.failureRate())
					.slidingWindowSize(10)
					.minimumNumberOfCalls(5)
					.waitDurationInOpenState(properties.openFor())
					.permittedNumberOfCallsInHalfOpenState(1)
					.automaticTransitionFromOpenToHalfOpenEnabled(true)
					.ignoreExceptions(MailParseException.class, MailPreparationException.class)
					.build());
		this.rateLimiter = RateLimiter.of("smtp",
				RateLimiterConfig.custom()
					.limitForPeriod(Math.max(1, properties.perSecond()))
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ofSeconds(5))
					.build());
		this.timeLimiter = TimeLimiter.of("smtp",
				TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).cancelRunningFuture(true).build());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(registry);
		TaggedRetryMetrics.ofRetryRegistry(this.retries).bindTo(registry);
	}

	/**
	 * Sends one email, with a Message-ID of our own so that a rare second delivery of the
	 * same email can be recognised by mail systems.
	 * @throws NonRetryableEventException when the message cannot be built
	 */
	void send(String messageId, String to, RenderedEmail email) {
		MimeMessage message = build(messageId, to, email);
		Runnable attempt = () -> {
			RateLimiter.waitForPermission(this.rateLimiter);
			try {
				this.timeLimiter.executeFutureSupplier(
						() -> CompletableFuture.runAsync(() -> this.mail.send(message), this.sender));
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new SmtpUnavailableException(ex);
			}
		};
		Retry.decorateRunnable(this.retry, CircuitBreaker.decorateRunnable(this.breaker, attempt)).run();
	}

	private MimeMessage build(String messageId, String to, RenderedEmail email) {
		Session session = (this.mail instanceof JavaMailSenderImpl impl) ? impl.getSession() : null;
		MimeMessage message = (session != null) ? new FixedIdMessage(session, messageId)
				: this.mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(to);
			helper.setSubject(email.subject());
			helper.setText(email.text(), email.html());
			return message;
		}
		catch (MessagingException | IllegalArgumentException ex) {
			throw new NonRetryableEventException("Cannot build the email (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
	}

	/** A message whose Message-ID is ours rather than a random one. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

	/** The SMTP attempt did not finish in time or failed outside Spring's exceptions. */
	static final class SmtpUnavailableException extends RuntimeException {

		SmtpUnavailableException(Throwable cause) {
			super("SMTP send failed: " + cause, cause);
		}

	}

}
