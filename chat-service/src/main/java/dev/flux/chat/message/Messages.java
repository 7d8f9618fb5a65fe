package dev.flux.chat.message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.dm.DirectMessages;
import dev.flux.chat.id.Snowflakes;
import dev.flux.chat.message.Message.Mentioned;
import dev.flux.chat.message.MessageRows.Authored;
import dev.flux.chat.message.MessageView.MentionsView;
import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.Access;
import dev.flux.chat.server.ChannelAccess;
import dev.flux.chat.server.ChannelRead;
import dev.flux.chat.user.ChatUsers;
import dev.flux.chat.user.ChatUsers.UserView;
import dev.flux.events.contract.Mentions;
import dev.flux.events.contract.MessageDeleted;
import dev.flux.events.contract.MessageEdited;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.outbox.Outbox;

/**
 * Messages of channels: send (SEND_MESSAGES; a repeated nonce of the same author within
 * the nonce window returns the first message), edit (the author), delete (the author or
 * MANAGE_MESSAGES) and history (READ_MESSAGE_HISTORY). Each change commits with its event
 * in the outbox, the message's version as aggregateVersion.
 */
@Service
public class Messages {

	private final JdbcClient jdbc;

	private final MessageRows rows;

	private final Access access;

	private final ChatUsers users;

	private final Snowflakes ids;

	private final Outbox outbox;

	private final MessageProperties properties;

	private final Clock clock;

	private final DirectMessages directMessages;

	Messages(JdbcClient jdbc, MessageRows rows, Access access, ChatUsers users, Snowflakes ids, Outbox outbox,
			MessageProperties properties, Clock clock, DirectMessages directMessages) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.access = access;
		this.users = users;
		this.ids = ids;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		this.directMessages = directMessages;
	}

	/**
	 * Sends a message, or returns the one this author's {@code nonce} sent within the
	 * window.
	 */
	@Transactional
	public Sent send(long channelId, UUID userId, String content, @Nullable String nonce, @Nullable Long replyTo) {
		ChannelAccess access = this.access.anyChannel(channelId, userId);
		access.require(Permission.VIEW_CHANNEL);
		access.require(Permission.SEND_MESSAGES);
		if (access.kind().equals("category")) {
			throw Refusal.invalid("channelId", "messages go to text channels, not to a " + access.kind());
		}
		if (access.isDirect()) {
			this.directMessages.requireMaySend(channelId, userId);
		}
		if (replyTo != null && !this.rows.exists(channelId, replyTo)) {
			throw Refusal.invalid("replyTo", "must be a message of the same channel");
		}
		long id = this.ids.next();
		Instant now = this.clock.instant();
		Mentioned mentions = mentions(access, content);
		Message message = new Message(channelId, id, userId, content, replyTo, mentions.users(), mentions.roles(),
				mentions.everyone(), nonce, 1, null);
		Optional<UserView> author = this.rows.insert(message, now, now.minus(this.properties.nonceWindow()));
		if (author.isEmpty()) {
			return new Sent(view(firstOf(userId, Objects.requireNonNull(nonce)), access.serverId()), false);
		}
		this.outbox.append(Long.toString(id), 1,
				new MessageSent(Long.toString(id), userId, Long.toString(channelId), access.serverIdText(), content,
						(replyTo != null) ? Long.toString(replyTo) : null, contract(mentions), nonce,
						Snowflakes.timeOf(id)));
		return new Sent(view(message, access.serverId(), author.get()), true);
	}

	/** Changes the text of one's own message. */
	@Transactional
	public MessageView edit(long channelId, long messageId, UUID userId, String content) {
		ChannelAccess access = this.access.anyChannel(channelId, userId);
		access.require(Permission.VIEW_CHANNEL);
		Message message = this.rows.find(channelId, messageId, true).orElseThrow(() -> Refusal.notFound("The message"));
		if (!message.authorId().equals(userId)) {
			throw Refusal.forbidden("not-the-author", "Only the author can edit a message.");
		}
		Mentioned mentions = mentions(access, content);
		Message edited = message.edited(content, mentions, this.clock.instant());
		this.rows.update(edited);
		this.outbox.append(Long.toString(messageId), edited.version(),
				new MessageEdited(Long.toString(messageId), userId, Long.toString(channelId), access.serverIdText(),
						content, contract(mentions), edited.editedAt()));
		return view(edited, access.serverId());
	}

	/** Deletes a message: one's own, or any with MANAGE_MESSAGES. */
	@Transactional
	public void delete(long channelId, long messageId, UUID userId) {
		ChannelAccess access = this.access.anyChannel(channelId, userId);
		access.require(Permission.VIEW_CHANNEL);
		Message message = this.rows.find(channelId, messageId, true).orElseThrow(() -> Refusal.notFound("The message"));
		if (!message.authorId().equals(userId)) {
			access.require(Permission.MANAGE_MESSAGES);
		}
		this.rows.delete(channelId, messageId);
		this.outbox.append(Long.toString(messageId), message.version() + 1, new MessageDeleted(Long.toString(messageId),
				message.authorId(), Long.toString(channelId), access.serverIdText(), userId));
	}

	@Transactional(readOnly = true)
	public MessageView get(long channelId, long messageId, UUID userId) {
		ChannelAccess access = readable(channelId, userId);
		return this.rows.find(channelId, messageId, false)
			.map((message) -> view(message, access.serverId()))
			.orElseThrow(() -> Refusal.notFound("The message"));
	}

	/**
	 * A page of history, newest first: the latest messages, those before or after an id,
	 * or those around one (half older, the rest from it on). One round trip and no
	 * transaction: the caller's access and the page with its authors go to PostgreSQL
	 * together, and the page is shown only if the access allows it; a permission changed
	 * between the two is the same race as between two requests.
	 */
	public List<MessageView> history(long channelId, UUID userId, HistoryQuery query) {
		ChannelRead.Result<Authored> read = this.access.read(channelId, userId, this.rows.page(channelId, query));
		ChannelAccess access = requireReadable(read.access());
		List<MessageView> views = new ArrayList<>(read.rows().size());
		for (Authored authored : read.rows()) {
			views.add(view(authored.message(), access.serverId(), authored.author()));
		}
		return views;
	}

	private ChannelAccess readable(long channelId, UUID userId) {
		return requireReadable(this.access.anyChannel(channelId, userId));
	}

	private static ChannelAccess requireReadable(ChannelAccess access) {
		access.require(Permission.VIEW_CHANNEL);
		access.require(Permission.READ_MESSAGE_HISTORY);
		return access;
	}

	/** The message this author's nonce sent within the window (its claim was lost). */
	private Message firstOf(UUID userId, String nonce) {
		record Claim(long channelId, long messageId) {
		}
		Claim claim = this.jdbc
			.sql("select channel_id, message_id from message_nonces where author_id = ? and nonce = ?")
			.params(userId, nonce)
			.query((rs, row) -> new Claim(rs.getLong("channel_id"), rs.getLong("message_id")))
			.single();
		return this.rows.find(claim.channelId(), claim.messageId(), false)
			.orElseThrow(() -> Refusal.conflict("nonce-used",
					"This nonce sent a message that has been deleted since; send with a new nonce."));
	}

	/**
	 * The mentions that count: members of the server, roles of the server, and @everyone
	 * only for an author with MENTION_EVERYONE in the channel.
	 */
	private Mentioned mentions(ChannelAccess access, String content) {
		MentionParser.Parsed parsed = MentionParser.parse(content);
		String[] named = parsed.users().stream().map(UUID::toString).toArray(String[]::new);
		if (access.member() == null) {
			List<UUID> inDm = parsed.users().isEmpty() ? List.of()
					: this.jdbc.sql("select user_id from dm_members where channel_id = ? and user_id = any(?::uuid[])")
						.params(access.channelId(), named)
						.query(UUID.class)
						.list();
			return new Mentioned(parsed.users().stream().filter(inDm::contains).toList(), List.of(), false);
		}
		List<UUID> users = parsed.users().isEmpty() ? List.of() : this.jdbc.sql("""
				select user_id from members where server_id = ? and user_id = any(?::uuid[])
				""").params(access.serverId(), named).query(UUID.class).list();
		Set<Long> serverRoles = access.member().rolePositions().keySet();
		List<Long> roles = parsed.roles()
			.stream()
			.filter((role) -> serverRoles.contains(role) && role != access.member().serverId())
			.toList();
		List<UUID> ordered = parsed.users().stream().filter(users::contains).toList();
		return new Mentioned(ordered, roles, parsed.everyone() && access.has(Permission.MENTION_EVERYONE));
	}

	private static Mentions contract(Mentioned mentions) {
		return new Mentions(mentions.users(), mentions.roles().stream().map((id) -> Long.toString(id)).toList(),
				mentions.everyone());
	}

	private MessageView view(Message message, @Nullable Long serverId) {
		return view(message, serverId, this.users.view(message.authorId()));
	}

	private static MessageView view(Message message, @Nullable Long serverId, UserView author) {
		return new MessageView(Long.toString(message.id()), Long.toString(message.channelId()),
				(serverId != null) ? Long.toString(serverId) : null, author, message.content(),
				(message.replyTo() != null) ? Long.toString(message.replyTo()) : null,
				new MentionsView(message.mentionUsers(),
						message.mentionRoles().stream().map((id) -> Long.toString(id)).toList(),
						message.mentionEveryone()),
				message.nonce(), Snowflakes.timeOf(message.id()), message.editedAt());
	}

	/**
	 * A send's outcome.
	 *
	 * @param message the message
	 * @param created false when a retried send returned the message its nonce sent
	 */
	public record Sent(MessageView message, boolean created) {

	}

	/**
	 * Which page of history: at most one of {@code before}, {@code after},
	 * {@code around}.
	 *
	 * @param before messages older than this id
	 * @param after messages newer than this id
	 * @param around messages around this id
	 * @param limit how many, 1 to 100
	 */
	public record HistoryQuery(@Nullable Long before, @Nullable Long after, @Nullable Long around, int limit) {

	}

}
