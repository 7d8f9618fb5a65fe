package dev.flux.auth.account;

/** Another account has this username (usernames are unique regardless of case). */
public final class UsernameTaken extends RuntimeException {

	private final String username;

	public UsernameTaken(String username) {
		super("Username taken: " + username, null, false, false);
		this.username = username;
	}

	public String username() {
		return this.username;
	}

}
