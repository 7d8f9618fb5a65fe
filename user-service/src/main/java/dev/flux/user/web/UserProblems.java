package dev.flux.user.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.flux.user.profile.ProfileEdits;
import dev.flux.user.profile.StaleVersion;
import dev.flux.user.profile.TooManyActivities;
import dev.flux.user.profile.UnknownActivity;
import dev.flux.user.profile.UnknownProfile;
import dev.flux.web.ApiProblem;
import dev.flux.web.ProblemMapping;

/**
 * The user-service's answer to each refusal of its features. Every type is listed in
 * docs/api.md.
 */
@Component
class UserProblems implements ProblemMapping {

	@Override
	public @Nullable ApiProblem problemFor(Throwable exception) {
		return switch (exception) {
			case StaleVersion stale ->
				ApiProblem.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
						"The resource changed since the ETag in If-Match was read; read it again and retry.");
			case TooManyActivities tooMany ->
				ApiProblem.of(HttpStatus.CONFLICT, "too-many-activities", "Too many activities",
						"A user shows at most " + ProfileEdits.MAX_ACTIVITIES + " activities; remove one first.");
			case UnknownProfile unknown -> ApiProblem.notFound("The profile");
			case UnknownActivity unknown -> ApiProblem.notFound("The activity");
			default -> null;
		};
	}

}
