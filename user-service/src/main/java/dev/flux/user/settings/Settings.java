package dev.flux.user.settings;

/**
 * A user's settings, as the API shows and takes them.
 *
 * @param theme {@code dark}, {@code light} or {@code system}
 * @param language one of {@link #LANGUAGES}
 * @param notificationsEnabled whether notifications are delivered
 * @param soundEnabled whether the client plays sounds
 * @param showOnlineStatus whether others see the user's status (false: offline to them)
 * @param allowDirectMessages whether other users may open a direct conversation
 * @param allowFriendRequests whether other users may send friend requests
 */
public record Settings(String theme, String language, boolean notificationsEnabled, boolean soundEnabled,
		boolean showOnlineStatus, boolean allowDirectMessages, boolean allowFriendRequests) {

	/** The themes a client can render. */
	public static final String THEMES = "dark|light|system";

	/** The languages Flux is translated into (BCP 47 tags). */
	public static final String LANGUAGES = "en|en-GB|de|es|fr|it|ja|ko|pt-BR|ru|vi|zh-CN";

	/** The settings of a new user. */
	public static Settings defaults() {
		return new Settings("dark", "en", true, true, true, true, true);
	}

}
