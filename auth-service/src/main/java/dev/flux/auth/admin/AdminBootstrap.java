package dev.flux.auth.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.flux.auth.AuthProperties;

/**
 * Applies {@code flux.auth.admins} at start-up, so the first operator needs no SQL:
 * listed accounts whose email is verified get the ADMIN role. Accounts verified later get
 * it then (EmailVerifications).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AdminRoles roles;

	private final AuthProperties properties;

	AdminBootstrap(AdminRoles roles, AuthProperties properties) {
		this.roles = roles;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.admins().isEmpty()) {
			return;
		}
		int granted = this.roles.bootstrap(this.properties.admins());
		logger.info("flux.auth.admins lists {} account(s); {} got the ADMIN role now", this.properties.admins().size(),
				granted);
	}

}
