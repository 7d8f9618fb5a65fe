package dev.flux.notification.email;

import java.time.Duration;
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

	private final Duration retention;

	EmailLog(JdbcClient jdbc, PlatformTransactionManager transactions, EmailProperties properties) {
		this.jdbc = jdbc;
		this.retention = properties.retention();
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

	/** Deletes the markers of a deleted account's emails, in the caller's transaction. */
	void forget(UUID userId) {
		this.jdbc.sql("DELETE FROM outgoing_emails WHERE user_id = ?").param(userId).update();
	}

	/**
	 * Deletes the markers older than the retention, at most a batch: long after their
	 * event could be delivered again, they only keep addresses.
	 */
	int purge(Duration retention, int batch) {
		return this.jdbc.sql("""
				DELETE FROM outgoing_emails WHERE id IN (
				    SELECT id FROM outgoing_emails WHERE created_at < now() - make_interval(secs => ?)
				    ORDER BY id LIMIT ?)""").params((double) retention.toSeconds(), batch).update();
	}

	/** Deletes every marker older than the retention; answers how many. */
	int purgeExpired() {
		int total = 0;
		int purged;
		do {
			purged = purge(this.retention, 1000);
			total += purged;
		}
		while (purged == 1000);
		return total;
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
