package dev.flux.system.harness;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.flux.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mail catcher keeps what it received across an outage (fault 6 once counted the
 * emails sent before SMTP went down as lost: GreenMail's stop() empties its store).
 */
class MailCatcherTests {

	@Test
	void keepsTheMailItReceivedBeforeGoingDownAndRefusesMailWhileDown() throws Exception {
		int port = FreePorts.next();
		try (MailCatcher catcher = new MailCatcher(port)) {
			send(port, "before@example.com", "Before");
			catcher.down();

			assertThatExceptionOfType(MessagingException.class)
				.isThrownBy(() -> send(port, "during@example.com", "During"));
			assertThat(catcher.all()).extracting(MailCatcher.Mail::subject).containsExactly("Before");

			catcher.up();
			send(port, "after@example.com", "After");

			assertThat(catcher.all()).extracting(MailCatcher.Mail::to)
				.containsExactly("before@example.com", "after@example.com");
			assertThat(catcher.to("before@example.com")).singleElement()
				.satisfies((mail) -> assertThat(mail.body()).contains("Body of Before"));
		}
	}

	private static void send(int port, String to, String subject) throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", Integer.toString(port));
		properties.put("mail.smtp.connectiontimeout", "5000");
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("flux@example.com"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject);
		message.setText("Body of " + subject);
		Transport.send(message);
	}

}
