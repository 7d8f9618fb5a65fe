/**
 * The realtime WebSocket gateway: identify, snapshot, pushed events with sequence
 * numbers, heartbeats, resume and client actions.
 */
@NullMarked
package dev.flux.notification.gateway;

import org.jspecify.annotations.NullMarked;
