/**
 * Email: templates, the sent marker that mails each event once, and SMTP behind
 * Resilience4j guards.
 */
@NullMarked
package dev.flux.notification.email;

import org.jspecify.annotations.NullMarked;
