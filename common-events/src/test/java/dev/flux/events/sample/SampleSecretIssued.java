package dev.flux.events.sample;

import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A sensitive test event: it carries a secret for one email and is never kept or
 * replayed.
 */
@EventType(value = "sample.secret-issued", sensitive = true)
public record SampleSecretIssued(UUID sampleId, String token) {

}
