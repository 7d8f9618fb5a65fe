/**
 * {@code ./flux bench ws}: the gateway holding many connections, measured from outside.
 */
@NullMarked
package dev.flux.notification.bench;

import org.jspecify.annotations.NullMarked;
