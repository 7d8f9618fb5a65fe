package dev.flux.notification;

import java.util.List;
import java.util.UUID;

import dev.flux.testsupport.ProblemShapeContract;

/**
 * The notification-service's refusals of malformed input, in the shape every service
 * answers with. It reads no request bodies: its POSTs are probed with wildcard content
 * types only.
 */
class NotificationServiceProblemTests extends NotificationServiceTest implements ProblemShapeContract {

	private final String token = TOKENS.accessToken(UUID.randomUUID(), "USER");

	@Override
	public List<JsonEndpoint> jsonEndpoints() {
		return List.of(new JsonEndpoint("POST", "/api/notifications/read-all", null, List.of(), this.token),
				new JsonEndpoint("POST", "/api/notifications/" + UUID.randomUUID() + "/read", null, List.of(),
						this.token));
	}

	@Override
	public List<PagedEndpoint> pagedEndpoints() {
		return List.of(new PagedEndpoint("/api/notifications", "page", "size", 100, this.token),
				new PagedEndpoint("/api/notifications?unread=true", "page", "size", 100, this.token));
	}

	@Override
	public QueryEndpoint queryEndpoint() {
		return new QueryEndpoint("/api/notifications", "unread", this.token);
	}

}
