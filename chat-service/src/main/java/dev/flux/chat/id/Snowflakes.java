package dev.flux.chat.id;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Time-ordered 64-bit ids, Snowflake-style: 41 bits of milliseconds since {@link #EPOCH},
 * 10 bits of worker (each running instance takes its own from a database sequence) and 12
 * bits of sequence within the millisecond. Chosen over UUIDv7 because half the size
 * matters in the history index of a million-message channel, a bigint compares in one
 * instruction, and clients know the shape from Discord; like UUIDv7 it sorts by creation
 * time, so history pages by id without an offset. Ids never go backwards within an
 * instance, even when the wall clock does.
 */
@Component
public class Snowflakes {

	/** Where the millisecond count starts: 2026-01-01T00:00:00Z. */
	public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private static final int WORKER_BITS = 10;

	private static final int SEQUENCE_BITS = 12;

	private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

	private final Clock clock;

	private final long worker;

	private long lastMillis = -1;

	private long sequence;

	@Autowired
	Snowflakes(Clock clock, JdbcClient jdbc) {
		this(clock, jdbc.sql("select nextval('snowflake_workers')").query(Long.class).single() % (1L << WORKER_BITS));
	}

	Snowflakes(Clock clock, long worker) {
		this.clock = clock;
		this.worker = worker;
	}

	/** A new id, greater than every id this instance made before. */
	public synchronized long next() {
		long millis = Math.max(this.clock.millis() - EPOCH.toEpochMilli(), this.lastMillis);
		if (millis == this.lastMillis) {
			this.sequence = (this.sequence + 1) & SEQUENCE_MASK;
			if (this.sequence == 0) {
				millis++; // 4096 ids in one millisecond: borrow the next one
			}
		}
		else {
			this.sequence = 0;
		}
		this.lastMillis = millis;
		return (millis << (WORKER_BITS + SEQUENCE_BITS)) | (this.worker << SEQUENCE_BITS) | this.sequence;
	}

	/** When an id was made (to the millisecond). */
	public static Instant timeOf(long id) {
		return EPOCH.plusMillis(id >>> (WORKER_BITS + SEQUENCE_BITS));
	}

	/** The smallest id that could be made at {@code time}, a bound for range queries. */
	public static long firstAt(Instant time) {
		return Math.max(0, time.toEpochMilli() - EPOCH.toEpochMilli()) << (WORKER_BITS + SEQUENCE_BITS);
	}

}
