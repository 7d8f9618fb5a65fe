package dev.flux.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses {@code "\u0000"} in every JSON string a request body binds to: PostgreSQL text
 * cannot hold it, so it would otherwise fail deep in a write as a 500. One Jackson module
 * instead of a check per field.
 */
final class NulCharacters {

	private NulCharacters() {
	}

	/** The Jackson module Spring Boot registers with the application's JsonMapper. */
	static SimpleModule module() {
		return new SimpleModule("flux-nul-characters").addDeserializer(String.class, new RefusingDeserializer());
	}

	static boolean in(String value) {
		return value.indexOf('\0') >= 0;
	}

	/** A string value holding the NUL character, with the path to it. */
	static final class NulCharacterException extends MismatchedInputException {

		NulCharacterException(JsonParser parser) {
			super(parser, "A string holds the NUL character (\\u0000)", String.class);
		}

	}

	private static final class RefusingDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String value = super.deserialize(parser, context);
			if (value != null && in(value)) {
				throw new NulCharacterException(parser);
			}
			return value;
		}

	}

}
