/**
 * Idempotent event consumers: handler writes and inbox row in one transaction, ack after
 * commit, retries through delay tiers, dead letters kept for operators.
 */
@NullMarked
package dev.flux.events.consumer;

import org.jspecify.annotations.NullMarked;
