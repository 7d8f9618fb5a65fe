package dev.flux.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.flux.auth.admin.AdminRoles;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators get and lose the ADMIN role without SQL: the flux.auth.admins list (accounts
 * whose email is verified) and the admin API, each change audited in role_changes.
 */
class AdminRolesTests extends AuthServiceTest {

	@Autowired
	AdminRoles adminRoles;

	EventTap tap;

	@BeforeEach
	void tap() {
		this.tap = tap("user.verification_requested");
	}

	@Test
	void aListedAccountBecomesAdminWhenItVerifiesItsEmail() {
		Account listed = register(LISTED_ADMIN, "firstoperator");
		assertThat(this.http.get("/admin/outbox", login(LISTED_ADMIN, PASSWORD).json("$.accessToken")).status())
			.as("not before its address is verified: anyone could register it")
			.isEqualTo(403);

		verify(listed);

		assertThat(this.http.get("/admin/outbox", login(LISTED_ADMIN, PASSWORD).json("$.accessToken")).status())
			.isEqualTo(200);
		assertThat(changes(listed.id())).containsExactly("granted by configuration");
	}

	@Test
	void startUpGrantsListedAccountsOnlyOnceTheirEmailIsVerified() {
		Account verified = register();
		Account unverified = register();
		verify(verified);

		int granted = this.adminRoles.bootstrap(List.of(verified.username(), unverified.email(), "nobody@example.com"));

		assertThat(granted).isEqualTo(1);
		assertThat(this.adminRoles.bootstrap(List.of(verified.username()))).as("applied once").isZero();
		assertThat(this.adminRoles.admins()).extracting(AdminRoles.Admin::id)
			.contains(verified.id())
			.doesNotContain(unverified.id());
	}

	@Test
	void operatorsGrantAndRevokeTheAdminRoleThroughTheApi() {
		Account operator = operator();
		String operatorToken = login(operator.email(), PASSWORD).json("$.accessToken");
		Account member = register();
		String path = "/admin/users/" + member.id() + "/roles/admin";

		Http.Reply refused = this.http.put(path, Map.of(), member.accessToken());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		Http.Reply granted = this.http.put(path, Map.of(), operatorToken);
		assertThat(granted.status()).isEqualTo(200);
		assertThat(granted.<Boolean>json("$.changed")).isTrue();
		assertThat(this.http.put(path, Map.of(), operatorToken).<Boolean>json("$.changed")).as("idempotent").isFalse();
		String memberAdminToken = login(member.email(), PASSWORD).json("$.accessToken");
		assertThat(this.http.get("/admin/outbox", memberAdminToken).status()).isEqualTo(200);
		assertThat(this.http.get("/admin/admins", operatorToken).<List<String>>json("$[*].id"))
			.contains(member.id().toString());

		Http.Reply revoked = this.http.delete(path, null, operatorToken);

		assertThat(revoked.status()).isEqualTo(200);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", member.refreshToken())).status())
			.as("its sessions end, so no refresh mints another admin token")
			.isEqualTo(401);
		assertThat(this.http.get("/admin/outbox", login(member.email(), PASSWORD).json("$.accessToken")).status())
			.isEqualTo(403);
		assertThat(changes(member.id())).containsExactly("granted by " + operator.id(), "revoked by " + operator.id());
		Http.Reply unknown = this.http.put("/admin/users/" + UUID.randomUUID() + "/roles/admin", Map.of(),
				operatorToken);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theLastAdminKeepsTheRole() {
		Account operator = operator();
		String operatorToken = login(operator.email(), PASSWORD).json("$.accessToken");
		this.jdbc.sql("UPDATE users SET roles = 'USER' WHERE id <> ?").param(operator.id()).update();

		Http.Reply refused = this.http.delete("/admin/users/" + operator.id() + "/roles/admin", null, operatorToken);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.<String>json("$.type")).endsWith("last-admin");
		assertThat(this.adminRoles.admins()).extracting(AdminRoles.Admin::id).containsExactly(operator.id());
	}

	/**
	 * An account made admin the way a deployment's first operator is: listed and
	 * verified.
	 */
	private Account operator() {
		Account operator = register();
		verify(operator);
		assertThat(this.adminRoles.bootstrap(List.of(operator.email()))).isEqualTo(1);
		return operator;
	}

	private Account register(String email, String username) {
		Http.Reply reply = this.http.post("/api/auth/register",
				Map.of("email", email, "username", username, "password", PASSWORD));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return new Account(UUID.fromString(reply.json("$.account.id")), email, username, reply.json("$.accessToken"),
				reply.json("$.refreshToken"));
	}

	private void verify(Account account) {
		String event = this.tap.await("user.verification_requested", EventTap.about(account.id()));
		String token = JsonPath.read(event, "$.payload.token");
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
	}

	private List<String> changes(UUID userId) {
		return this.jdbc
			.sql("SELECT change || ' by ' || coalesce(changed_by::text, source) FROM role_changes"
					+ " WHERE user_id = ? ORDER BY id")
			.param(userId)
			.query(String.class)
			.list();
	}

}
