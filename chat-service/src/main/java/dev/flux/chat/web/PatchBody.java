package dev.flux.chat.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.flux.chat.refusal.Refusal;

/**
 * A {@code PATCH} body: a JSON object whose members are the fields to change (absent:
 * unchanged, {@code null}: cleared where the field allows it). Unknown members and values
 * of the wrong type are refused, so a typo never passes as "nothing to change".
 */
public final class PatchBody {

	private final JsonNode body;

	private PatchBody(JsonNode body) {
		this.body = body;
	}

	/**
	 * @throws Refusal 400 for a body that is not an object or names other fields
	 */
	public static PatchBody of(JsonNode body, Set<String> allowed) {
		if (!body.isObject()) {
			throw Refusal.invalid("body", "must be a JSON object");
		}
		for (String name : body.propertyNames()) {
			if (!allowed.contains(name)) {
				throw Refusal.invalid(name, "is not a field of this resource");
			}
		}
		return new PatchBody(body);
	}

	public boolean has(String field) {
		return this.body.has(field);
	}

	public Set<String> fields() {
		return Set.copyOf(this.body.propertyNames());
	}

	/** A text field, null when absent or null, at most {@code max} characters. */
	public @Nullable String text(String field, int min, int max) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw Refusal.invalid(field, "must be a string");
		}
		String text = value.asString().strip();
		if (text.length() < min || text.length() > max) {
			throw Refusal.invalid(field, "must be " + min + " to " + max + " characters");
		}
		return text;
	}

	/** A whole number, null when absent or null. */
	public @Nullable Integer integer(String field, int min, int max) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
			throw Refusal.invalid(field, "must be a whole number from " + min + " to " + max);
		}
		return value.asInt();
	}

	/** An id (a string or a number of digits), null when absent or null. */
	public @Nullable Long id(String field) {
		JsonNode value = this.body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return Ids.parse(field, value.isString() ? value.asString() : value.toString());
	}

	/** The raw value of a field, null when absent. */
	public @Nullable JsonNode raw(String field) {
		return this.body.get(field);
	}

}
