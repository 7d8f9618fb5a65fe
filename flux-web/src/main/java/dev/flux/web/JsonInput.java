package dev.flux.web;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a JSON body Jackson could not bind, said of the field it concerns.
 */
public final class JsonInput {

	private JsonInput() {
	}

	/** The field ({@code body} when none) and what is wrong with it. */
	public static ApiProblem.Violation violation(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("."));
		String field = path.isEmpty() ? "body" : path;
		if (ex instanceof NulCharacters.NulCharacterException) {
			return new ApiProblem.Violation(field, "must not contain the NUL character (\\u0000)");
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return new ApiProblem.Violation(field, "is not a field of this resource");
		}
		if (ex instanceof MismatchedInputException) {
			return new ApiProblem.Violation(field,
					path.isEmpty() ? "must be a JSON object" : "has a value of the wrong type");
		}
		if (ex instanceof StreamReadException) {
			return new ApiProblem.Violation("body", "is not valid JSON");
		}
		return new ApiProblem.Violation(field, "cannot be read");
	}

}
