package dev.flux.auth;

import java.util.Map;
import java.util.UUID;

import dev.flux.testsupport.DatabaseOutageContract;

/**
 * The auth-service while its pool is exhausted: a registration, read and written by a
 * controller, is answered 503, then registers once the pool frees (the refused attempt
 * left no account behind).
 */
class AuthServiceDatabaseOutageTests extends DatabaseOutageContract {

	@Override
	protected DatabaseRequest databaseRequest() {
		String name = "outage" + UUID.randomUUID().toString().substring(0, 8);
		return new DatabaseRequest("POST", "/api/auth/register",
				Map.of("email", name + "@example.com", "username", name, "password", "correct horse battery staple"),
				null, 201);
	}

}
