package dev.flux.notification.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flux.notification.presence.Presence;

/**
 * The sockets and sessions of this instance: who is connected, the sessions of each user,
 * and their ends. Opening a user's session and ending it are what presence counts; a
 * dropped socket only detaches its session, which ends when the resume window passes.
 * Timeouts are checked on a schedule.
 */
@Component
class Sessions implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Sessions.class);

	private final Map<String, Connection> connections = new ConcurrentHashMap<>();

	private final Map<String, GatewaySession> byId = new ConcurrentHashMap<>();

	private final Map<UUID, Set<GatewaySession>> byUser = new ConcurrentHashMap<>();

	private final GatewayProperties properties;

	private final GatewayInstance instance;

	private final Presence presence;

	private volatile boolean running;

	Sessions(GatewayProperties properties, GatewayInstance instance, Presence presence) {
		this.properties = properties;
		this.instance = instance;
		this.presence = presence;
	}

	void opened(Connection connection) {
		this.connections.put(connection.id(), connection);
	}

	/**
	 * Opens a session for a user and counts it for presence; events are kept for it from
	 * now on and reach the socket once the session is started on it.
	 */
	GatewaySession open(UUID userId, Instant tokenExpiresAt) {
		GatewaySession session = new GatewaySession(userId, tokenExpiresAt, this.properties.resumeBuffer());
		this.presence.connected(this.instance.id(), userId);
		this.byId.put(session.id(), session);
		this.byUser.computeIfAbsent(userId, (id) -> ConcurrentHashMap.newKeySet()).add(session);
		return session;
	}

	@Nullable GatewaySession find(String sessionId) {
		return this.byId.get(sessionId);
	}

	/** The live sessions of a user on this instance. */
	Set<GatewaySession> of(UUID userId) {
		Set<GatewaySession> sessions = this.byUser.get(userId);
		return (sessions != null) ? sessions : Set.of();
	}

	/**
	 * The live sessions here of the given users but one, walking whichever is smaller:
	 * the users or those connected here.
	 */
	List<GatewaySession> of(Set<UUID> users, @Nullable UUID except) {
		List<GatewaySession> found = new java.util.ArrayList<>();
		if (users.size() < this.byUser.size()) {
			for (UUID user : users) {
				Set<GatewaySession> sessions = this.byUser.get(user);
				if (sessions != null && !user.equals(except)) {
					found.addAll(sessions);
				}
			}
		}
		else {
			this.byUser.forEach((user, sessions) -> {
				if (users.contains(user) && !user.equals(except)) {
					found.addAll(sessions);
				}
			});
		}
		return found;
	}

	/** Whether any of the given users has a session here. */
	boolean anyOf(Set<UUID> users) {
		if (this.byUser.isEmpty()) {
			return false;
		}
		if (users.size() < this.byUser.size()) {
			for (UUID user : users) {
				if (this.byUser.containsKey(user)) {
					return true;
				}
			}
			return false;
		}
		for (UUID user : this.byUser.keySet()) {
			if (users.contains(user)) {
				return true;
			}
		}
		return false;
	}

	boolean hasUser(UUID userId) {
		return this.byUser.containsKey(userId);
	}

	/**
	 * A socket closed: its session ends when the client said goodbye, and waits for a
	 * resume otherwise.
	 */
	void closed(Connection connection, boolean goodbye) {
		this.connections.remove(connection.id());
		GatewaySession session = connection.session();
		if (session == null) {
			return;
		}
		if (goodbye) {
			end(session);
		}
		else {
			session.detach(connection, System.nanoTime());
		}
	}

	/** Ends a session: no resume, and presence counts one session fewer. */
	void end(GatewaySession session) {
		if (!session.end()) {
			return;
		}
		this.byId.remove(session.id());
		this.byUser.computeIfPresent(session.userId(), (user, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
		});
		try {
			this.presence.disconnected(this.instance.id(), session.userId());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the end of session {} for presence: {}", session.id(), ex.toString());
		}
	}

	/** Closes every socket of a user and ends their sessions (the account is gone). */
	void endAllOf(UUID userId) {
		for (GatewaySession session : List.copyOf(of(userId))) {
			Connection connection = session.connection();
			end(session);
			if (connection != null) {
				connection.close(GatewayCloseStatus.ACCOUNT_DELETED);
			}
		}
	}

	int connectionCount() {
		return this.connections.size();
	}

	int sessionCount() {
		return this.byId.size();
	}

	@Scheduled(fixedDelayString = "${flux.notification.gateway.sweep-interval:1s}")
	void sweep() {
		long now = System.nanoTime();
		long identify = this.properties.identifyTimeout().toNanos();
		long heartbeat = this.properties.heartbeatTimeout().toNanos();
		for (Connection connection : this.connections.values()) {
			if (connection.session() == null && now - connection.openedAt() > identify) {
				connection.close(GatewayCloseStatus.IDENTIFY_TIMEOUT);
			}
			else if (now - connection.lastHeard() > heartbeat) {
				connection.close(GatewayCloseStatus.HEARTBEAT_TIMEOUT);
			}
		}
		long window = this.properties.resumeWindow().toNanos();
		for (GatewaySession session : this.byId.values()) {
			if (session.detachedLongerThan(window, now)) {
				end(session);
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Before the web server stops: closes every socket (clients reconnect, to another
	 * instance) and ends this instance's sessions in presence at once.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.connections.values().forEach((connection) -> connection.close(GatewayCloseStatus.GOING_AWAY));
		this.byId.values().forEach(GatewaySession::end);
		this.byId.clear();
		this.byUser.clear();
		try {
			this.presence.instanceStopped(this.instance.id());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not end this instance's sessions in presence; another instance will: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before the web server and the event consumers. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE + 1024;
	}

}
