package dev.flux.user.profile;

/**
 * A representation and the tag of the version it shows ({@code "p7"}): what a read or a
 * write answers, so the web layer can serve conditional requests.
 */
public record Versioned<T>(T body, String etag) {

}
