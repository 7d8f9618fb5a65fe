package dev.flux.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Gives a Spring Boot test real PostgreSQL and RabbitMQ: {@code @ServiceConnection}
 * containers when Docker runs, the servers {@code ./flux test} started otherwise (the
 * service reads their address from the {@code FLUX_DB_*} and {@code FLUX_RABBITMQ_*}
 * variables, as in production).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(InfrastructureSelector.class)
public @interface WithFluxInfrastructure {

}
