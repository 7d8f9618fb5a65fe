package dev.flux.auth;

import dev.flux.testsupport.RunningServiceContract;

class AuthServiceRunningTests extends RunningServiceContract {

	@Override
	protected String database() {
		return "flux_auth";
	}

}
