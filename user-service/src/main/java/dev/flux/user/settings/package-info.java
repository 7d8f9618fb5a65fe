/**
 * A user's settings (theme, language, notifications, privacy), changed under the
 * profile's lock.
 */
@NullMarked
package dev.flux.user.settings;

import org.jspecify.annotations.NullMarked;
