/**
 * The operator console driven in a real browser (Playwright and Chromium) against the
 * running services.
 */
@NullMarked
package dev.flux.system.console;

import org.jspecify.annotations.NullMarked;
