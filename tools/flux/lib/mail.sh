# shellcheck shell=bash
# The GreenMail mail catcher that ./flux up runs when no SMTP server is configured.

GREENMAIL_VERSION=2.1.13

# GreenMail standalone (Maven Central, fetched once into .flux/tools/) catches every email the
# notification-service sends: SMTP on 127.0.0.1:$UP_SMTP_PORT, read them through its API.
mail_start() {
	local jar="$FLUX_DIR/tools/greenmail-standalone-$GREENMAIL_VERSION.jar" pidfile="$FLUX_DIR/run/mail.pid"
	if pid_alive "$pidfile"; then
		ok "mail catcher already running on 127.0.0.1:$UP_SMTP_PORT"
		return
	fi
	if [[ ! -f $jar ]]; then
		say "fetching the GreenMail mail catcher from Maven Central"
		"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
			-DoutputDirectory="$FLUX_DIR/tools" >"$FLUX_DIR/logs/mail-fetch.log" 2>&1 ||
			{ warn "could not fetch GreenMail (.flux/logs/mail-fetch.log): emails will be retried, then dead-lettered"; return; }
	fi
	port_open 127.0.0.1 "$UP_SMTP_PORT" && die "port $UP_SMTP_PORT (SMTP) is taken by another program; choose another with FLUX_LOCAL_SMTP_PORT"
	setsid "$JAVA_HOME/bin/java" -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$UP_SMTP_PORT" \
		-Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$UP_MAIL_PORT" \
		-jar "$jar" >>"$FLUX_DIR/logs/mail.log" 2>&1 </dev/null &
	echo $! >"$pidfile"
	wait_for 30 port_open 127.0.0.1 "$UP_SMTP_PORT" || warn "the mail catcher did not start, see .flux/logs/mail.log"
	ok "mail catcher: SMTP 127.0.0.1:$UP_SMTP_PORT, mail at http://localhost:$UP_MAIL_PORT/api/user/<address>/messages/INBOX"
}

mail_stop() {
	local pidfile="$FLUX_DIR/run/mail.pid"
	if pid_alive "$pidfile"; then
		kill "$(cat "$pidfile")" 2>/dev/null || true
		ok "mail catcher stopped"
	fi
	rm -f "$pidfile"
}
