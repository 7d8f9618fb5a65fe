package dev.flux.events.sample;

import java.util.UUID;

import dev.flux.events.EventType;

/** An event no queue is bound for: the broker returns it. */
@EventType("orphan.happened")
public record OrphanHappened(UUID orphanId) {

}
