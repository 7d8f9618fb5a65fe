/**
 * How far each user read each channel, kept from chat-service's events for the gateway's
 * snapshot.
 */
@NullMarked
package dev.flux.notification.readstate;

import org.jspecify.annotations.NullMarked;
