package dev.flux.system.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

	private final List<GreenMail> stopped = new ArrayList<>();

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
		this.server.stop();
		this.stopped.add(this.server);
	}

	/** Accepts mail again on the same port. */
	public synchronized void up() {
		this.server = started();
	}

	/** Every email received so far, in order. */
	public synchronized List<Mail> all() {
		List<Mail> all = new ArrayList<>();
		this.stopped.forEach((server) -> all.addAll(read(server)));
		if (!this.stopped.contains(this.server)) {
			all.addAll(read(this.server));
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

	private static List<Mail> read(GreenMail server) {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : server.getReceivedMessages()) {
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
