package dev.flux.notification.email;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sent markers of emails, one row per (event, kind). Each write commits on its own,
 * outside the consumer's transaction: an attempt is counted even when the event's
 * handling rolls back, and a send is marked as soon as the SMTP server took the message,
 * so a redelivery whose first handling lost its commit does not mail again.
 */
@Component
class EmailLog {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	EmailLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records the email if it is new; answers whether it was already sent. */
	boolean alreadySent(UUID eventId, EmailKind kind, UUID userId, String recipient) {
		return Boolean.TRUE.equals(this.ownTransaction.execute((status) -> {
			this.jdbc.sql("""
					INSERT INTO outgoing_emails (event_id, kind, user_id, recipient) VALUES (?, ?, ?, ?)
					ON CONFLICT (event_id, kind) DO NOTHING
					""").params(eventId, kind.name(), userId, recipient).update();
			return "SENT".equals(this.jdbc.sql("SELECT status FROM outgoing_emails WHERE event_id = ? AND kind = ?")
				.params(eventId, kind.name())
				.query(String.class)
				.single());
		}));
	}

	void sent(UUID eventId, EmailKind kind) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				UPDATE outgoing_emails SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL
				WHERE event_id = ? AND kind = ?
				""").params(eventId, kind.name()).update());
	}

	void failed(UUID eventId, EmailKind kind, Throwable error) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				UPDATE outgoing_emails SET attempts = attempts + 1, last_error = ?
				WHERE event_id = ? AND kind = ?
				""").params(String.valueOf(error), eventId, kind.name()).update());
	}

}
