package dev.flux.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flux.testsupport.ProblemShapeContract;

/**
 * The user-service's refusals of malformed input, in the shape every service answers
 * with.
 */
class UserServiceProblemTests extends UserServiceTest implements ProblemShapeContract {

	private final String token = TOKENS.accessToken(UUID.randomUUID(), "USER");

	@Override
	public List<JsonEndpoint> jsonEndpoints() {
		Map<String, Object> settings = Map.of("theme", "dark", "language", "en", "notificationsEnabled", true,
				"soundEnabled", true, "showOnlineStatus", true, "allowDirectMessages", true, "allowFriendRequests",
				true);
		return List.of(
				new JsonEndpoint("PATCH", "/api/users/me/profile", Map.of("displayName", "Ada", "bio", "Hello"),
						List.of(), this.token),
				new JsonEndpoint("PUT", "/api/users/me/status", Map.of("status", "online"), List.of("status"),
						this.token),
				new JsonEndpoint("POST", "/api/users/me/activities",
						Map.of("type", "playing", "name", "Chess", "details", "Opening", "state", "Move 3"),
						List.of("type", "name"), this.token),
				new JsonEndpoint("PUT", "/api/users/me/settings", settings, List.copyOf(settings.keySet()), this.token),
				new JsonEndpoint("PATCH", "/api/users/me/settings", Map.of("theme", "light"), List.of(), this.token));
	}

	@Override
	public List<PagedEndpoint> pagedEndpoints() {
		return List.of(new PagedEndpoint("/api/users?username=a", "page", "size", 50, this.token));
	}

	@Override
	public QueryEndpoint queryEndpoint() {
		return new QueryEndpoint("/api/users", "username", this.token);
	}

}
