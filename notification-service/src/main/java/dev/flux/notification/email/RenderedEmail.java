package dev.flux.notification.email;

/**
 * An email ready to send.
 *
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part
 */
record RenderedEmail(String subject, String text, String html) {

}
