package dev.flux.chat.server;

import java.util.List;

import org.springframework.jdbc.core.RowMapper;

/**
 * A read of a channel's rows that goes to PostgreSQL with the caller's access to the
 * channel, in one round trip (see {@link Access#read}).
 *
 * @param sql the statement, whose parameters are {@code params} in order
 * @param params its parameters
 * @param mapper maps each of its rows
 * @param <T> what each row becomes
 */
public record ChannelRead<T>(String sql, List<Object> params, RowMapper<T> mapper) {

	/**
	 * The caller's access to the channel and the rows read there.
	 *
	 * @param access what the caller may do in the channel
	 * @param rows the rows, which the caller may see only if {@code access} allows it
	 * @param <T> what each row became
	 */
	public record Result<T>(ChannelAccess access, List<T> rows) {

	}

}
