/**
 * One handler per consumed event: what it does to the recipients, the inbox and the
 * outgoing email.
 */
@NullMarked
package dev.flux.notification.intake;

import org.jspecify.annotations.NullMarked;
