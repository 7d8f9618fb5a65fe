/**
 * The transactional outbox and its relay: events commit with the change that caused them
 * and leave for the broker in commit order, confirmed, after it.
 */
@NullMarked
package dev.flux.events.outbox;

import org.jspecify.annotations.NullMarked;
