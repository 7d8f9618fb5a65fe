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
		if (payload instanceof Rendered rendered) {
			return rendered.frame(type, correlationId, seq);
		}
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

	/** Renders a payload once for the frames of many sessions. */
	static Rendered render(Object payload) {
		return new Rendered(JSON.writeValueAsString(payload));
	}

	/**
	 * A payload already rendered as JSON: a message pushed to a thousand sessions is
	 * serialised once, and each frame only adds its own sequence number around it.
	 *
	 * @param json the payload's JSON
	 */
	record Rendered(String json) {

		String frame(String type, @Nullable UUID correlationId, long seq) {
			StringBuilder frame = new StringBuilder(this.json.length() + 120);
			frame.append("{\"type\":").append(JSON.writeValueAsString(type)).append(",\"payload\":").append(this.json);
			frame.append(",\"meta\":{\"correlationId\":");
			frame.append((correlationId != null) ? "\"" + correlationId + "\"" : "null").append('}');
			if (seq > 0) {
				frame.append(",\"seq\":").append(seq);
			}
			return frame.append('}').toString();
		}

	}

}
