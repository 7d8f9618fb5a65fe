package dev.flux.events.admin;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of the admin API as RFC 9457 problem details, whatever the service
 * configures.
 */
@RestControllerAdvice(
		assignableTypes = { DeadLetterController.class, OutboxController.class, LiveEventsController.class })
class AdminProblems extends ResponseEntityExceptionHandler {

}
