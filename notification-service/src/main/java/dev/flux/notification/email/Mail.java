package dev.flux.notification.email;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.flux.events.EventEnvelope;
import dev.flux.notification.NotificationProperties;

/**
 * Sends the emails events ask for, once per event and kind. Called from an event handler:
 * the email is rendered from the event, checked against its sent marker, sent through
 * guarded SMTP, and marked sent; a failure is counted and rethrown, so the consumer's
 * retry tiers try the event again and finally dead-letter it.
 *
 * <p>
 * Guarantee: an email whose marker says sent is never sent again. The one window left is
 * the SMTP server accepting the message and this service dying before the marker commits;
 * the event is then delivered again and the email sent a second time, with the same
 * Message-ID. That is at-least-once, with duplicates only after a crash at that instant.
 */
@Service
public class Mail {

	private static final Logger logger = LoggerFactory.getLogger(Mail.class);

	private final EmailTemplates templates;

	private final EmailLog log;

	private final GuardedSmtp smtp;

	private final NotificationProperties product;

	Mail(EmailTemplates templates, EmailLog log, GuardedSmtp smtp, NotificationProperties product) {
		this.templates = templates;
		this.log = log;
		this.smtp = smtp;
		this.product = product;
	}

	/**
	 * Forgets the emails sent to a deleted account: their markers are no longer needed,
	 * since events about the account are dropped from now on.
	 */
	public void forget(UUID userId) {
		this.log.forget(userId);
	}

	/**
	 * Deletes the records of emails older than {@code flux.notification.email.retention},
	 * hourly; answers how many.
	 */
	@Scheduled(fixedDelayString = "${flux.notification.email.purge-interval:1h}", initialDelay = 60_000)
	public int purgeExpired() {
		return this.log.purgeExpired();
	}

	/**
	 * Sends an email of a kind for an event, unless it was sent for that event before.
	 * @param envelope the event asking for it
	 * @param kind which email
	 * @param userId whom it is about
	 * @param to the address
	 * @param values the template's values besides {@code product}, {@code productUrl} and
	 * {@code resetLink}
	 */
	public void send(EventEnvelope envelope, EmailKind kind, UUID userId, String to, Map<String, String> values) {
		UUID eventId = envelope.eventId();
		if (this.log.alreadySent(eventId, kind, userId, to)) {
			logger.info("{} email of event {} was sent before; not sending it again", kind, eventId);
			return;
		}
		Map<String, String> all = new HashMap<>(values);
		all.put("product", this.product.productName());
		all.put("productUrl", this.product.link("/"));
		all.put("resetLink", this.product.link("/forgot-password"));
		RenderedEmail email = this.templates.render(kind, all);
		try {
			this.smtp.send("<" + eventId + "." + kind.name().toLowerCase() + "@flux.notification>", to, email);
		}
		catch (RuntimeException ex) {
			this.log.failed(eventId, kind, ex);
			throw ex;
		}
		this.log.sent(eventId, kind);
		// No address and no user id: the log outlives an account's deletion.
		logger.info("Sent {} email of event {}", kind, eventId);
	}

}
