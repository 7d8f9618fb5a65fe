/**
 * Who the service writes to: the projection of accounts and profiles that addresses
 * emails and fills the gateway's snapshot.
 */
@NullMarked
package dev.flux.notification.recipient;

import org.jspecify.annotations.NullMarked;
