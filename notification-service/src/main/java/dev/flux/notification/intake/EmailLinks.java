package dev.flux.notification.intake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import dev.flux.notification.NotificationProperties;

/** The links and expiry times that emails carrying a token show. */
@Component
class EmailLinks {

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final NotificationProperties product;

	EmailLinks(NotificationProperties product) {
		this.product = product;
	}

	/** The product's page at {@code path} with the token as query parameter. */
	String link(String path, String token) {
		return this.product.link(path) + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

	String expiry(Instant expiresAt) {
		return EXPIRY.format(expiresAt);
	}

}
