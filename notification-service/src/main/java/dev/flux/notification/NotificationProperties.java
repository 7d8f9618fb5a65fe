package dev.flux.notification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the notification-service says to people ({@code flux.notification.*}).
 *
 * @param productName the product's name in emails and notifications
 * @param publicUrl where people reach the product; every link in an email starts with it,
 * never with anything taken from a request
 */
@ConfigurationProperties("flux.notification")
public record NotificationProperties(@DefaultValue("Flux") String productName,
		@DefaultValue("http://localhost:3000") URI publicUrl) {

	/** An absolute link below the public URL: {@code link("/verify-email")}. */
	public String link(String path) {
		String base = this.publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
