/**
 * Base classes of JPA entities: ids assigned by the application, single-use hashed
 * tokens.
 */
@NullMarked
package dev.flux.persistence;

import org.jspecify.annotations.NullMarked;
