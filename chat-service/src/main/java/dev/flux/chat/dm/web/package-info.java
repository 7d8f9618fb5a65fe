/** {@code /api/dms}: open, list, rename DM channels and change who is in a group DM. */
@NullMarked
package dev.flux.chat.dm.web;

import org.jspecify.annotations.NullMarked;
