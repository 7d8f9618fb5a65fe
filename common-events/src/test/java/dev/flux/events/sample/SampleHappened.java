package dev.flux.events.sample;

import java.util.UUID;

import dev.flux.events.EventType;

/** The sample service's event: something happened to a sample. */
@EventType("sample.happened")
public record SampleHappened(UUID sampleId, String note) {

}
