package dev.flux.notification;

import dev.flux.testsupport.RunningServiceContract;

class NotificationServiceRunningTests extends RunningServiceContract {

	@Override
	protected String database() {
		return "flux_notification";
	}

}
