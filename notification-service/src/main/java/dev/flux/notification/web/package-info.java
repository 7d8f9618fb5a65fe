/**
 * The HTTP edge: RFC 9457 problem details for every refusal.
 */
@NullMarked
package dev.flux.notification.web;

import org.jspecify.annotations.NullMarked;
