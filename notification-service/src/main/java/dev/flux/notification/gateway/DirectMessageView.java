package dev.flux.notification.gateway;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.notification.recipient.ProfileSummary;

/**
 * A DM channel in the gateway's snapshot, as the user sees it.
 *
 * @param id the channel's id
 * @param kind dm or group_dm; null for a channel known from before kinds were kept
 * (V110), until a group DM's next change
 * @param name a group DM's name, null when unnamed
 * @param ownerId a group DM's owner, null for a 1:1 DM
 * @param recipients everyone else in it, as the snapshot shows other users (the status
 * user-service announced)
 */
record DirectMessageView(String id, @Nullable String kind, @Nullable String name, @Nullable UUID ownerId,
		List<ProfileSummary> recipients) {

}
