/**
 * The operator console: static pages and a pass-through to the services' admin APIs.
 */
@NullMarked
package dev.flux.console;

import org.jspecify.annotations.NullMarked;
