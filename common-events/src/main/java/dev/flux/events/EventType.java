package dev.flux.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the wire type and version of an event payload record, for example
 * {@code @EventType("user.created")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	/** The routing key and envelope {@code type}: {@code {entity}.{action}}. */
	String value();

	/** The envelope {@code version}; a breaking change gets a new one. */
	int version() default 1;

	/**
	 * Whether the payload carries a secret (a verification or reset token): such events
	 * are never logged, never replayed, and their payload is erased from the outbox once
	 * published.
	 */
	boolean sensitive() default false;

}
