package dev.flux.notification.gateway;

import java.util.List;

import dev.flux.notification.chat.ChatDirectory.ServerView;
import dev.flux.notification.inbox.NotificationView;
import dev.flux.notification.readstate.ReadStates.ReadStateView;
import dev.flux.notification.recipient.ProfileSummary;

/**
 * What a client gets once after it identifies: everything it shows, after which only
 * events follow.
 *
 * @param sessionId the session to resume after a reconnect
 * @param heartbeatInterval milliseconds between the client's heartbeats
 * @param resumeWindow milliseconds a dropped session can be resumed
 * @param user the user's own profile summary
 * @param presence the user's presence as the gateways published it
 * @param unreadCount the user's unread notifications
 * @param notifications the latest notifications, newest first
 * @param servers the user's servers, each with the channels the user may view and the
 * user's permissions
 * @param directMessages the user's DM and group DM channels, the most recently opened
 * first, with everyone else in them
 * @param readStates the user's read state of each of their text channels (those of
 * {@code servers}) and direct message channels
 */
record Snapshot(String sessionId, long heartbeatInterval, long resumeWindow, ProfileSummary user, String presence,
		long unreadCount, List<NotificationView> notifications, List<ServerView> servers,
		List<DirectMessageView> directMessages, List<ReadStateView> readStates) {

}
