/**
 * What the HTTP side of a service answers when the event runtime refuses a change.
 */
@NullMarked
package dev.flux.events.web;

import org.jspecify.annotations.NullMarked;
