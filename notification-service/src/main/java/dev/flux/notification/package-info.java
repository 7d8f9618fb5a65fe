/**
 * The notification-service of Flux: email, the in-app notification inbox and the realtime
 * WebSocket gateway.
 */
@NullMarked
package dev.flux.notification;

import org.jspecify.annotations.NullMarked;
