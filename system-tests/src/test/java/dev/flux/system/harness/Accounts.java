package dev.flux.system.harness;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts registered through auth-service's public API, as a new user would. */
public final class Accounts {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");

	private final FluxSystem system;

	public Accounts(FluxSystem system) {
		this.system = system;
	}

	/** Registers a fresh account on the next auth-service instance. */
	public Account register() {
		return register("example.com");
	}

	/** Registers a fresh account with an address at {@code domain}. */
	public Account register(String domain) {
		return registerAs("user." + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@" + domain);
	}

	/**
	 * Registers a fresh account with this address (an operator's, listed as an admin).
	 */
	public Account registerAs(String email) {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String username = "u_" + suffix;
		String password = "correct horse " + suffix;
		Reply reply = this.system.http("auth-service")
			.post("/api/auth/register", Map.of("email", email, "username", username, "password", password));
		assertThat(reply.status()).as("registration of %s: %s", email, reply.body()).isEqualTo(201);
		return new Account(UUID.fromString(reply.json("$.account.id")), email, username, password,
				reply.json("$.accessToken"), reply.json("$.refreshToken"));
	}

	/** The token of the first link in a mail ({@code /verify-email?token=...}). */
	public static String linkToken(String body) {
		Matcher matcher = TOKEN.matcher(body);
		assertThat(matcher.find()).as("a link with a token in:\n%s", body).isTrue();
		return matcher.group(1);
	}

	/** A registered account and the tokens its registration returned. */
	public record Account(UUID id, String email, String username, String password, String accessToken,
			String refreshToken) {

	}

}
