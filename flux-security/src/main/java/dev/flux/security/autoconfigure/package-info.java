/**
 * Spring Boot auto-configuration that makes a service a resource server for Flux access
 * tokens once {@code flux.security.jwt.issuer} is set.
 */
@NullMarked
package dev.flux.security.autoconfigure;

import org.jspecify.annotations.NullMarked;
