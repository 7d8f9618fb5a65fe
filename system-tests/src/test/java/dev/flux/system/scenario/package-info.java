/**
 * End-to-end scenarios across every service's processes, asserted through public APIs and
 * mail.
 */
@NullMarked
package dev.flux.system.scenario;

import org.jspecify.annotations.NullMarked;
