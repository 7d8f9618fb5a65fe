package dev.flux.notification.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the gateway speaks. Every frame is {@code {type, payload, meta:
 * {correlationId}}}; pushed events also carry {@code seq}, the session's sequence number
 * a client resumes from.
 */
final class Frames {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Frames() {
	}

	static String frame(String type, @Nullable Object payload, @Nullable UUID correlationId, long seq) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", type);
		frame.put("payload", (payload != null) ? payload : Map.of());
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("correlationId", (correlationId != null) ? correlationId.toString() : null);
		frame.put("meta", meta);
		if (seq > 0) {
			frame.put("seq", seq);
		}
		return JSON.writeValueAsString(frame);
	}

	/** A control frame: no sequence number, not kept for resume. */
	static String control(String type, @Nullable Object payload, @Nullable UUID correlationId) {
		return frame(type, payload, correlationId, 0);
	}

}
