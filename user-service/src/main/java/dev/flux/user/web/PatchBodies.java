package dev.flux.user.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.web.ApiProblem;
import dev.flux.web.JsonInput;

/**
 * Reads {@code PATCH} bodies: a JSON object whose members are the fields to change
 * (absent means unchanged, {@code null} means cleared where the field allows it), bound
 * to a record of the allowed fields and validated like any request body. Unknown members
 * are refused, so a typo never passes as "nothing to change".
 */
@Component
public class PatchBodies {

	private final JsonMapper mapper;

	private final Validator validator;

	PatchBodies(JsonMapper mapper, Validator validator) {
		this.mapper = mapper;
		this.validator = validator;
	}

	/**
	 * The patch in {@code body}.
	 * @throws ApiProblem 400 for a non-object body, unknown members, values of the wrong
	 * type or values the record's constraints refuse
	 */
	public <T extends Record> Patch<T> read(JsonNode body, Class<T> type) {
		if (!body.isObject()) {
			throw ApiProblem.invalid("body", "must be a JSON object");
		}
		Set<String> allowed = Arrays.stream(type.getRecordComponents())
			.map((component) -> component.getName())
			.collect(Collectors.toSet());
		Set<String> given = new LinkedHashSet<>();
		List<ApiProblem.Violation> errors = new ArrayList<>();
		body.properties().forEach((member) -> {
			given.add(member.getKey());
			if (!allowed.contains(member.getKey())) {
				errors.add(new ApiProblem.Violation(member.getKey(), "is not a field of this resource"));
			}
		});
		checkTypes(body, type, "", errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		T values;
		try {
			values = this.mapper.treeToValue(body, type);
		}
		catch (JacksonException ex) {
			throw ApiProblem.invalid(List.of(JsonInput.violation(ex)));
		}
		Set<ConstraintViolation<T>> violations = this.validator.validate(values);
		if (!violations.isEmpty()) {
			throw ApiProblem.invalid(violations.stream()
				.sorted(Comparator.comparing((violation) -> violation.getPropertyPath().toString()))
				.map((violation) -> new ApiProblem.Violation(violation.getPropertyPath().toString(),
						violation.getMessage()))
				.toList());
		}
		return new Patch<>(values, Set.copyOf(given));
	}

	/**
	 * Refuses what Jackson would coerce: a number or boolean where text is expected, text
	 * where a boolean is.
	 */
	private static void checkTypes(JsonNode node, Class<?> type, String path, List<ApiProblem.Violation> errors) {
		for (RecordComponent component : type.getRecordComponents()) {
			JsonNode value = node.get(component.getName());
			if (value == null || value.isNull()) {
				continue;
			}
			String field = path + component.getName();
			Class<?> expected = component.getType();
			if (expected == String.class && !value.isString()) {
				errors.add(new ApiProblem.Violation(field, "must be a string"));
			}
			else if ((expected == Boolean.class || expected == boolean.class) && !value.isBoolean()) {
				errors.add(new ApiProblem.Violation(field, "must be true or false"));
			}
			else if (expected.isRecord()) {
				if (value.isObject()) {
					checkTypes(value, expected, field + ".", errors);
				}
				else {
					errors.add(new ApiProblem.Violation(field, "must be a JSON object"));
				}
			}
		}
	}

	/**
	 * A patch: the values of the given members, and which members were given.
	 *
	 * @param values the record of the fields (null for absent and for null members)
	 * @param given the names of the members present in the body
	 */
	public record Patch<T>(T values, Set<String> given) {

	}

}
