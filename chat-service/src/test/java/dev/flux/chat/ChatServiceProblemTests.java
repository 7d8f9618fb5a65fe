package dev.flux.chat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.flux.testsupport.ProblemShapeContract;

/**
 * The chat-service's refusals of malformed input, in the shape every service answers
 * with. Input is checked before any server or channel is looked up, so the paths need no
 * data.
 */
class ChatServiceProblemTests extends ChatServiceTest implements ProblemShapeContract {

	private final String token = TOKENS.accessToken(UUID.randomUUID(), "USER");

	@Override
	public List<JsonEndpoint> jsonEndpoints() {
		return List.of(
				new JsonEndpoint("POST", "/api/servers", Map.of("name", "Chess club"), List.of("name"), this.token),
				new JsonEndpoint("POST", "/api/servers/1/channels",
						Map.of("name", "openings", "type", "text", "topic", "Talk"), List.of("name", "type"),
						this.token),
				new JsonEndpoint("POST", "/api/channels/1/messages",
						Map.of("content", "Hello", "nonce", "n-1", "replyTo", "2"), List.of("content"), this.token));
	}

	@Override
	public List<PagedEndpoint> pagedEndpoints() {
		return List.of();
	}

	@Override
	public QueryEndpoint queryEndpoint() {
		return new QueryEndpoint("/api/servers/1/members", "after", this.token);
	}

}
