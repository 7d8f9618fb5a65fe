package dev.flux.chat.message.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.chat.message.MessageView;
import dev.flux.chat.message.Messages;
import dev.flux.chat.message.Messages.HistoryQuery;
import dev.flux.chat.message.Messages.Sent;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.SignedInUser;

/** {@code /api/channels/{id}/messages}: send, read, page, edit and delete messages. */
@RestController
@RequestMapping("/api/channels/{channelId}/messages")
@Tag(name = "messages")
@SecurityRequirement(name = "bearer")
class MessageController {

	private final Messages messages;

	MessageController(Messages messages) {
		this.messages = messages;
	}

	@PostMapping
	@Operation(
			summary = "Send {content 1-2000, nonce?, replyTo?} (SEND_MESSAGES): 201, or 200 with the first "
					+ "message when the same nonce was sent within the nonce window",
			description = "Mentions: <@userId> of members, <@&roleId> of the server's roles, @everyone (counted "
					+ "only with MENTION_EVERYONE).")
	ResponseEntity<MessageView> send(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@Valid @RequestBody SendRequest request) {
		Sent sent = this.messages.send(Ids.parse("channelId", channelId), SignedInUser.id(jwt), request.content(),
				request.nonce(), (request.replyTo() != null) ? Ids.parse("replyTo", request.replyTo()) : null);
		return ResponseEntity.status(sent.created() ? HttpStatus.CREATED : HttpStatus.OK).body(sent.message());
	}

	@GetMapping
	@Operation(summary = "History, newest first: ?before=|after=|around=<messageId> (one at most), limit 1-100 "
			+ "(default 50) (READ_MESSAGE_HISTORY)")
	List<MessageView> history(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String around,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
		int given = ((before != null) ? 1 : 0) + ((after != null) ? 1 : 0) + ((around != null) ? 1 : 0);
		if (given > 1) {
			throw Refusal.invalid("before", "give at most one of before, after and around");
		}
		HistoryQuery query = new HistoryQuery(id("before", before), id("after", after), id("around", around), limit);
		return this.messages.history(Ids.parse("channelId", channelId), SignedInUser.id(jwt), query);
	}

	@GetMapping("/{messageId}")
	@Operation(summary = "One message (READ_MESSAGE_HISTORY)")
	MessageView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId, @PathVariable String messageId) {
		return this.messages.get(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId),
				SignedInUser.id(jwt));
	}

	@PatchMapping("/{messageId}")
	@Operation(summary = "Change the text {content} of one's own message")
	MessageView edit(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId, @PathVariable String messageId,
			@Valid @RequestBody EditRequest request) {
		return this.messages.edit(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId),
				SignedInUser.id(jwt), request.content());
	}

	@DeleteMapping("/{messageId}")
	@Operation(summary = "Delete one's own message, or any with MANAGE_MESSAGES")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String messageId) {
		this.messages.delete(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId),
				SignedInUser.id(jwt));
		return ResponseEntity.noContent().build();
	}

	private static @Nullable Long id(String field, @Nullable String value) {
		return (value != null) ? Ids.cursor(field, value) : null;
	}

	/**
	 * A message to send.
	 *
	 * @param content 1 to 2,000 characters, not only blanks
	 * @param nonce the client's id of this send, up to 64 characters: a retry with it
	 * returns the first message
	 * @param replyTo a message of the same channel this answers
	 */
	record SendRequest(@NotBlank @Size(max = 2000) String content, @Nullable @Size(min = 1, max = 64) String nonce,
			@Nullable String replyTo) {

	}

	/**
	 * A message's new text.
	 *
	 * @param content 1 to 2,000 characters, not only blanks
	 */
	record EditRequest(@NotBlank @Size(max = 2000) String content) {

	}

}
