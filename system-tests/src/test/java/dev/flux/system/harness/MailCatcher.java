package dev.flux.system.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server every notification-service instance sends to (GreenMail, as under
 * {@code ./flux up}). It can go down and come back on the same port; what it received
 * before is kept.
 */
public final class MailCatcher implements AutoCloseable {

	private final int port;

	// The mail stores of servers stopped so far: GreenMail.stop() starts a fresh store,
	// so
	// what a stopped server received is read from the store it had.
	private final List<Managers> stopped = new ArrayList<>();

	private GreenMail server;

	MailCatcher(int port) {
		this.port = port;
		this.server = started();
	}

	public int port() {
		return this.port;
	}

	/** Stops accepting mail: the port refuses connections until {@link #up()}. */
	public synchronized void down() {
		// Stopped first, read later: an email the server accepts while going down still
		// counts.
		Managers received = this.server.getManagers();
		this.server.stop();
		this.stopped.add(received);
	}

	/** How many times the server went down so far. */
	public synchronized int stops() {
		return this.stopped.size();
	}

	/** Accepts mail again on the same port. */
	public synchronized void up() {
		this.server = started();
	}

	/** Every email received so far, in order. */
	public synchronized List<Mail> all() {
		List<Mail> all = new ArrayList<>();
		this.stopped.forEach((received) -> all.addAll(read(received)));
		if (this.server.isRunning()) {
			all.addAll(read(this.server.getManagers()));
		}
		return all;
	}

	/** The emails received for one address. */
	public List<Mail> to(String address) {
		return all().stream().filter((mail) -> mail.to().equalsIgnoreCase(address)).toList();
	}

	@Override
	public synchronized void close() {
		this.server.stop();
	}

	private GreenMail started() {
		GreenMail greenMail = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

	private static List<Mail> read(Managers received) {
		List<Mail> mails = new ArrayList<>();
		for (StoredMessage stored : received.getImapHostManager().getAllMessages()) {
			MimeMessage message = stored.getMimeMessage();
			try {
				mails.add(new Mail(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
						text(message)));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return mails;
	}

	/** The plain-text part of a message (decoded), or its whole body when it has none. */
	private static String text(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = text(multipart.getBodyPart(i));
				if (!text.isEmpty()) {
					return text;
				}
			}
			return "";
		}
		return part.isMimeType("text/plain") ? content.toString() : "";
	}

	/** An email as the recipient sees it. */
	public record Mail(String to, String subject, String body) {

	}

}
