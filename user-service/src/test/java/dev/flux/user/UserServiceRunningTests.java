package dev.flux.user;

import dev.flux.testsupport.RunningServiceContract;

class UserServiceRunningTests extends RunningServiceContract {

	@Override
	protected String database() {
		return "flux_user";
	}

}
