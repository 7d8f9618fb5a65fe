package dev.flux.notification.gateway;

import org.springframework.web.socket.CloseStatus;

/**
 * Why the gateway closes a socket; codes 4000-4999 are the application's own (RFC 6455).
 */
final class GatewayCloseStatus {

	/** Identify or resume carried no valid access token. */
	static final CloseStatus AUTHENTICATION_FAILED = new CloseStatus(4004, "authentication failed");

	/** No identify or resume within the identify timeout. */
	static final CloseStatus IDENTIFY_TIMEOUT = new CloseStatus(4008, "identify timeout");

	/** No heartbeat for two intervals; the session can be resumed. */
	static final CloseStatus HEARTBEAT_TIMEOUT = new CloseStatus(4009, "heartbeat timeout");

	/** The account was deleted. */
	static final CloseStatus ACCOUNT_DELETED = new CloseStatus(4010, "account deleted");

	/** Another socket resumed this session. */
	static final CloseStatus RESUMED_ELSEWHERE = new CloseStatus(4011, "session resumed elsewhere");

	/** This instance is shutting down; reconnect (to another instance) and identify. */
	static final CloseStatus GOING_AWAY = CloseStatus.SERVICE_RESTARTED;

	private GatewayCloseStatus() {
	}

}
