package dev.flux.notification.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.web.ApiProblem;

/**
 * The caller's own inbox: {@code GET /api/notifications} (newest first, paged, optionally
 * unread only), the unread count, and marking one or all read. The caller is the
 * {@code sub} of the access token; nobody reaches another user's notifications.
 */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "notifications")
@SecurityRequirement(name = "bearer")
class InboxController {

	static final int MAX_PAGE_SIZE = 100;

	/**
	 * Deep enough for any inbox; offsets past it cost a scan and overflowed int (issue
	 * 16).
	 */
	static final int MAX_PAGE = 10_000;

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "The signed-in user's notifications, newest first, paged; unread=true for unread only")
	NotificationPage list(@AuthenticationPrincipal Jwt caller, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		UUID userId = userOf(caller);
		Page<NotificationView> found = this.inbox.page(userId, unread, page, size);
		return new NotificationPage(found.getContent(), page, size, found.getTotalElements(),
				this.inbox.unreadCount(userId));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the signed-in user's notifications are unread")
	Map<String, Long> unreadCount(@AuthenticationPrincipal Jwt caller) {
		return Map.of("unreadCount", this.inbox.unreadCount(userOf(caller)));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of the signed-in user's notifications read")
	NotificationView markRead(@AuthenticationPrincipal Jwt caller, @PathVariable UUID id) {
		return this.inbox.markRead(userOf(caller), id).orElseThrow(() -> ApiProblem.notFound("The notification"));
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all of the signed-in user's notifications read")
	Map<String, Long> markAllRead(@AuthenticationPrincipal Jwt caller) {
		UUID userId = userOf(caller);
		int marked = this.inbox.markAllRead(userId);
		return Map.of("marked", (long) marked, "unreadCount", this.inbox.unreadCount(userId));
	}

	static UUID userOf(Jwt caller) {
		try {
			return UUID.fromString(caller.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw ApiProblem.of(HttpStatus.FORBIDDEN, "not-a-user", "Not a user",
					"The access token's subject is not a Flux user id.");
		}
	}

	/**
	 * One page of the inbox.
	 *
	 * @param items the notifications, newest first
	 * @param page the page number, from 0
	 * @param size the page size asked for
	 * @param totalItems how many notifications match in all
	 * @param unreadCount the caller's unread notifications
	 */
	record NotificationPage(List<NotificationView> items, int page, int size, long totalItems, long unreadCount) {
	}

}
