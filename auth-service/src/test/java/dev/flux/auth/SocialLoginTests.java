package dev.flux.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.jayway.jsonpath.JsonPath;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.flux.auth.Browser.Landing;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Social login end to end: a browser that follows every redirect between the auth-service
 * and a real OAuth2/OpenID Connect server playing Google (OIDC, nonce) and Facebook
 * (plain OAuth2, user-info endpoint), then the API calls a front-end makes with the
 * one-time code.
 */
class SocialLoginTests extends AuthServiceTest {

	final MockOAuth2Server provider = MockProviders.server();

	Browser browser;

	EventTap tap;

	@BeforeEach
	void browserAndTap() {
		this.browser = new Browser(this.port);
		this.tap = tap("user.created", "user.verification_requested");
	}

	@Test
	void signsUpANewGoogleUserWithItsVerifiedEmailAndPublishesUserCreatedOnce() {
		String subject = unique();
		String email = subject + "@example.com";

		Landing landing = signInWithGoogle(subject, email, true, "Zoë Lé-Quân");

		URI authorization = landing.hops().get(0);
		assertThat(Browser.query(authorization)).containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "nonce", "code_challenge");
		assertThat(landing.flow()).isEqualTo("login");
		assertThat(landing.uri().toString()).doesNotContain("accessToken", "refreshToken");
		Http.Reply tokens = exchange(landing.code());
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		Http.Reply me = this.http.get("/api/auth/me", tokens.json("$.accessToken"));
		assertThat(me.<String>json("$.email")).isEqualTo(email);
		assertThat(me.<Boolean>json("$.emailVerified")).isTrue();
		assertThat(me.<String>json("$.username")).startsWith("Zoe_Le_Quan");
		UUID id = UUID.fromString(me.json("$.id"));
		String created = this.tap.await("user.created", EventTap.about(id));
		assertThat(JsonPath.<Boolean>read(created, "$.payload.emailVerified")).isTrue();
		assertThat(this.http.get("/api/auth/me/identities", tokens.json("$.accessToken"))
			.<List<String>>json("$[*].provider")).containsExactly("google");
		this.tap.drain(Duration.ofSeconds(1));
		assertThat(this.tap.all("user.created", EventTap.about(id))).hasSize(1);
		assertThat(this.tap.all("user.verification_requested", EventTap.about(id))).isEmpty();
	}

	@Test
	void signsAReturningUserInToTheSameAccount() {
		String subject = unique();
		UUID first = accountId(exchange(signInWithGoogle(subject, subject + "@example.com", true, "Returning").code()));

		Landing again = signInWithGoogle(subject, subject + "@example.com", true, "Returning");

		assertThat(accountId(exchange(again.code()))).isEqualTo(first);
		this.tap.drain(Duration.ofSeconds(1));
		assertThat(this.tap.all("user.created", EventTap.about(first))).hasSize(1);
	}

	@Test
	void derivesAUsernameFromTheProviderNameAndMakesItUnique() {
		String name = "Ann " + unique();

		String first = username(signInWithGoogle(unique(), unique() + "@example.com", true, name));
		String second = username(signInWithGoogle(unique(), unique() + "@example.com", true, name));

		assertThat(first).isEqualTo(name.replace(' ', '_'));
		assertThat(second).startsWith(first + "_").isNotEqualTo(first);
	}

	@Test
	void linksGoogleToTheAccountWithTheSameEmailWhenBothSidesVerifiedIt() {
		Account account = registerVerified();

		Landing landing = signInWithGoogle(unique(), account.email(), true, "Linked");

		Http.Reply tokens = exchange(landing.code());
		assertThat(accountId(tokens)).isEqualTo(account.id());
		assertThat(identities(account)).containsExactly("google");
		assertThat(this.http.delete("/api/auth/me/identities/google", null, account.accessToken()).status())
			.as("an account with a password may drop its only provider")
			.isEqualTo(204);
		assertThat(identities(account)).isEmpty();
	}

	@Test
	void refusesToLinkWhenTheProviderDidNotVerifyTheEmail() {
		Account account = registerVerified();

		Landing landing = signInWithGoogle(unique(), account.email(), false, "Squatter");

		assertThat(landing.error()).isEqualTo("email_in_use");
		assertThat(landing.code()).isNull();
		assertThat(identities(account)).isEmpty();
		assertThat(accountsWithEmail(account.email())).isOne();
	}

	@Test
	void refusesToLinkWhenTheLocalAccountDidNotVerifyTheEmail() {
		Account squatter = register();

		Landing landing = signInWithGoogle(unique(), squatter.email(), true, "Owner");

		assertThat(landing.error()).isEqualTo("email_in_use");
		assertThat(identities(squatter)).isEmpty();
		assertThat(accountsWithEmail(squatter.email())).isOne();
	}

	@Test
	void facebookSignsUpWithAnUnverifiedEmailAndNeverLinksByEmail() {
		String subject = unique();
		String email = subject + "@example.org";

		Landing landing = signInWithFacebook(subject, email, "Face Book");

		assertThat(Browser.query(landing.hops().get(0))).containsEntry("code_challenge_method", "S256")
			.doesNotContainKey("nonce");
		Http.Reply tokens = exchange(landing.code());
		Http.Reply me = this.http.get("/api/auth/me", tokens.json("$.accessToken"));
		assertThat(me.<String>json("$.email")).isEqualTo(email);
		assertThat(me.<Boolean>json("$.emailVerified")).isFalse();
		UUID id = UUID.fromString(me.json("$.id"));
		this.tap.await("user.created", EventTap.about(id));
		this.tap.await("user.verification_requested", EventTap.about(id));
		assertThat(this.jdbc.sql("SELECT provider_id FROM oauth_providers WHERE user_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(subject);

		Account verified = registerVerified();
		assertThat(signInWithFacebook(unique(), verified.email(), "Someone").error()).isEqualTo("email_in_use");
		assertThat(identities(verified)).isEmpty();
	}

	@Test
	void refusesACallbackWhoseStateIsNotTheOneThisBrowserStarted() {
		long accounts = accounts();

		Landing landing = this.browser.open("/oauth2/authorization/google",
				(hop) -> isCallback(hop) ? Browser.withParameter(hop, "state", "forged") : hop);

		assertThat(landing.error()).isEqualTo("invalid_state");
		assertThat(this.browser.hasCookie("flux_oauth2_flow")).as("the flow is over").isFalse();
		assertThat(accounts()).isEqualTo(accounts);
	}

	@Test
	void refusesAnIdTokenWhoseNonceIsNotTheOneSent() {
		String subject = unique();
		this.provider.enqueueCallback(googleUser(subject, subject + "@example.com", true, "Nonce"));

		Landing landing = this.browser.open("/oauth2/authorization/google",
				(hop) -> isAuthorization(hop) ? Browser.withParameter(hop, "nonce", "replayed-nonce") : hop);

		assertThat(landing.error()).isEqualTo("invalid_nonce");
		assertThat(identitiesOfSubject(subject)).isZero();
	}

	@Test
	void reportsDeniedConsentWithoutChangingAnything() {
		long accounts = accounts();
		URI authorization = this.browser
			.open("/oauth2/authorization/google",
					(hop) -> isAuthorization(hop)
							? URI.create(MockProviders.FRONT_END + "?stopped=" + Browser.query(hop).get("state")) : hop)
			.uri();
		String state = Browser.query(authorization).get("stopped");

		Landing landing = this.browser.open("/login/oauth2/code/google?error=access_denied&state=" + state);

		assertThat(landing.error()).isEqualTo("access_denied");
		assertThat(accounts()).isEqualTo(accounts);
	}

	@Test
	void acceptsAOneTimeCodeOnceAndRevokesTheSessionWhenItIsReplayed() {
		String subject = unique();
		String code = signInWithGoogle(subject, subject + "@example.com", true, "Replay").code();
		Http.Reply first = exchange(code);
		assertThat(first.status()).isEqualTo(200);

		Http.Reply replay = exchange(code);

		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.contentType()).startsWith("application/problem+json");
		assertThat(replay.<String>json("$.type")).endsWith("/invalid-code");
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", first.json("$.refreshToken"))).status())
			.isEqualTo(401);
	}

	@Test
	void linksAProviderWhileSignedInOnlyForTheAccountThatAskedForIt() {
		Account owner = registerVerified();
		Account other = registerVerified();
		String facebookId = unique();

		String stolen = linkWithFacebook(owner, facebookId).code();
		assertThat(this.http.post("/api/auth/me/identities", Map.of("code", stolen), other.accessToken()).status())
			.isEqualTo(400);
		assertThat(this.http.post("/api/auth/me/identities", Map.of("code", stolen), owner.accessToken()).status())
			.as("a code presented by another account is burnt")
			.isEqualTo(400);
		assertThat(identities(other)).isEmpty();

		Http.Reply ticket = this.http.post("/api/auth/me/identities/link-tickets", Map.of("provider", "facebook"),
				owner.accessToken());
		Landing landing = this.browser.open(ticket.json("$.authorizationUrl"),
				withFacebook(facebookId, owner.email(), "Owner"));
		assertThat(landing.flow()).isEqualTo("link");
		Http.Reply linked = this.http.post("/api/auth/me/identities", Map.of("code", landing.code()),
				owner.accessToken());
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(linked.<List<String>>json("$[*].provider")).containsExactly("facebook");

		assertThat(this.browser.open(ticket.json("$.authorizationUrl"), facebookScopes()).error())
			.as("a link ticket starts one flow")
			.isEqualTo("invalid_link_ticket");
		assertThat(accountId(exchange(signInWithFacebook(facebookId, other.email(), "Owner").code())))
			.isEqualTo(owner.id());
	}

	@Test
	void refusesLinkTicketsToUnverifiedAccountsAndUnknownProviders() {
		Account unverified = register();

		Http.Reply refused = this.http.post("/api/auth/me/identities/link-tickets", Map.of("provider", "google"),
				unverified.accessToken());
		Http.Reply unknown = this.http.post("/api/auth/me/identities/link-tickets", Map.of("provider", "myspace"),
				registerVerified().accessToken());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.<String>json("$.type")).endsWith("/email-not-verified");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refusesToUnlinkTheLastWayToSignIn() {
		String subject = unique();
		Http.Reply tokens = exchange(signInWithGoogle(subject, subject + "@example.com", true, "Only").code());
		String accessToken = tokens.json("$.accessToken");

		Http.Reply last = this.http.delete("/api/auth/me/identities/google", null, accessToken);
		assertThat(last.status()).isEqualTo(409);
		assertThat(last.<String>json("$.type")).endsWith("/last-sign-in-method");

		Http.Reply ticket = this.http.post("/api/auth/me/identities/link-tickets", Map.of("provider", "facebook"),
				accessToken);
		Landing landing = this.browser.open(ticket.json("$.authorizationUrl"), withFacebook(unique(), null, "Two"));
		assertThat(this.http.post("/api/auth/me/identities", Map.of("code", landing.code()), accessToken).status())
			.isEqualTo(200);
		assertThat(this.http.delete("/api/auth/me/identities/google", null, accessToken).status()).isEqualTo(204);
		assertThat(this.http.delete("/api/auth/me/identities/facebook", null, accessToken).status()).isEqualTo(409);
		assertThat(this.http.delete("/api/auth/me/identities/google", null, accessToken).status()).isEqualTo(404);
	}

	@Test
	void listsTheConfiguredProviders() {
		Http.Reply providers = this.http.get("/api/auth/providers", null);

		assertThat(providers.status()).isEqualTo(200);
		assertThat(providers.<List<String>>json("$[*].id")).containsExactly("google", "facebook");
		assertThat(providers.<List<String>>json("$[*].authorizationUrl"))
			.containsExactly("/oauth2/authorization/google", "/oauth2/authorization/facebook");
	}

	@Test
	void answersBadInputWithProblemsOrErrorRedirects() {
		Http.Reply empty = this.http.post("/api/auth/oauth2/token", Map.of());
		Http.Reply madeUp = this.http.post("/api/auth/oauth2/token", Map.of("code", "made-up"));

		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.contentType()).startsWith("application/problem+json");
		assertThat(madeUp.status()).isEqualTo(400);
		assertThat(madeUp.contentType()).startsWith("application/problem+json");
		assertThat(this.http.get("/api/auth/me/identities", null).status()).isEqualTo(401);
		assertThat(this.browser.open("/oauth2/authorization/myspace").error()).isEqualTo("unknown_provider");
		assertThat(this.browser.open("/oauth2/authorization/google?link_ticket=made-up").error())
			.isEqualTo("invalid_link_ticket");
	}

	private Landing signInWithGoogle(String subject, String email, boolean verified, String name) {
		this.provider.enqueueCallback(googleUser(subject, email, verified, name));
		return this.browser.open("/oauth2/authorization/google");
	}

	private Landing signInWithFacebook(String subject, String email, String name) {
		return this.browser.open("/oauth2/authorization/facebook", withFacebook(subject, email, name));
	}

	private Landing linkWithFacebook(Account account, String subject) {
		Http.Reply ticket = this.http.post("/api/auth/me/identities/link-tickets", Map.of("provider", "facebook"),
				account.accessToken());
		assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
		return this.browser.open(ticket.json("$.authorizationUrl"), withFacebook(subject, account.email(), "Linker"));
	}

	/**
	 * Queues the Facebook user and returns the browser's tampering for Facebook flows.
	 */
	private UnaryOperator<URI> withFacebook(String subject, @org.jspecify.annotations.Nullable String email,
			String name) {
		Map<String, Object> claims = (email != null) ? Map.of("id", subject, "email", email, "name", name)
				: Map.of("id", subject, "name", name);
		this.provider.enqueueCallback(new DefaultOAuth2TokenCallback("facebook", subject, "JWT", null, claims, 3600L));
		return facebookScopes();
	}

	/**
	 * mock-oauth2-server parses every authorization request as OpenID Connect, which
	 * needs the {@code openid} scope; Facebook is plain OAuth2, so the browser adds it on
	 * the way. The service requested no ID token and ignores the one it gets.
	 */
	private static UnaryOperator<URI> facebookScopes() {
		return (hop) -> isAuthorization(hop) && hop.getPath().startsWith("/facebook/")
				? Browser.withParameter(hop, "scope", "openid " + Browser.query(hop).get("scope")) : hop;
	}

	private static DefaultOAuth2TokenCallback googleUser(String subject, String email, boolean verified, String name) {
		return new DefaultOAuth2TokenCallback("google", subject, "JWT", null,
				Map.of("email", email, "email_verified", verified, "name", name), 3600L);
	}

	private static boolean isAuthorization(URI hop) {
		return hop.getPath().endsWith("/authorize");
	}

	private static boolean isCallback(URI hop) {
		return hop.getPath().startsWith("/login/oauth2/code/");
	}

	private Http.Reply exchange(@org.jspecify.annotations.Nullable String code) {
		assertThat(code).as("a one-time code").isNotNull();
		return this.http.post("/api/auth/oauth2/token", Map.of("code", code));
	}

	private String username(Landing landing) {
		Http.Reply tokens = exchange(landing.code());
		return this.http.get("/api/auth/me", tokens.json("$.accessToken")).json("$.username");
	}

	private UUID accountId(Http.Reply tokens) {
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		return UUID.fromString(this.http.get("/api/auth/me", tokens.json("$.accessToken")).json("$.id"));
	}

	private Account registerVerified() {
		Account account = register();
		String event = this.tap.await("user.verification_requested", EventTap.about(account.id()));
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", JsonPath.read(event, "$.payload.token")))
			.status()).isEqualTo(204);
		return account;
	}

	private List<String> identities(Account account) {
		return this.http.get("/api/auth/me/identities", account.accessToken()).json("$[*].provider");
	}

	private long accountsWithEmail(String email) {
		return this.jdbc.sql("SELECT count(*) FROM users WHERE email = ?").param(email).query(Long.class).single();
	}

	private long identitiesOfSubject(String subject) {
		return this.jdbc.sql("SELECT count(*) FROM oauth_providers WHERE provider_id = ?")
			.param(subject)
			.query(Long.class)
			.single();
	}

	private long accounts() {
		return this.jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
	}

	private static String unique() {
		return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
