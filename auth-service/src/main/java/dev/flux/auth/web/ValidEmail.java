package dev.flux.auth.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import dev.flux.events.contract.EmailAddresses;

/**
 * An email address as {@link EmailAddresses} defines it, the definition the event schemas
 * use too, so an address the API accepts never fails an event on append. Null is valid
 * (combine with {@code @NotBlank}); surrounding spaces (and control characters) are
 * ignored, as the account normalizes them away.
 */
@Documented
@Constraint(validatedBy = ValidEmail.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidEmail {

	String message() default "must be an email address such as name@example.com";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a value against {@link EmailAddresses#isValid(CharSequence)}. */
	class Validator implements ConstraintValidator<ValidEmail, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || EmailAddresses.isValid(value.trim());
		}

	}

}
