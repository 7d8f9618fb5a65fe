package dev.flux.chat;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.flux.events.permission.EffectivePermissions;
import dev.flux.events.permission.EffectivePermissions.Overwrite;
import dev.flux.events.permission.Permission;

import static dev.flux.events.permission.Permission.ADMINISTRATOR;
import static dev.flux.events.permission.Permission.MANAGE_MESSAGES;
import static dev.flux.events.permission.Permission.SEND_MESSAGES;
import static dev.flux.events.permission.Permission.VIEW_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The effective permission in a channel, case by case, as Discord documents it: base from
 *
 * @everyone and roles, owner and ADMINISTRATOR short-cuts, then the overwrites
 * of @everyone, of the member's roles together, and of the member, each applied over the
 * previous (deny, then allow).
 */
class PermissionMatrixTests {

	private static final long VIEW_SEND = bits(VIEW_CHANNEL, SEND_MESSAGES);

	static List<Case> cases() {
		return List.of(new Case("@everyone's defaults", false, VIEW_SEND, List.of(), null, List.of(), null, VIEW_SEND),
				new Case("a role adds to @everyone", false, bits(VIEW_CHANNEL), List.of(bits(SEND_MESSAGES)), null,
						List.of(), null, VIEW_SEND),
				new Case("the owner has everything", true, 0, List.of(), deny(VIEW_CHANNEL), List.of(),
						deny(VIEW_CHANNEL), Permission.ALL),
				new Case("an ADMINISTRATOR role ignores every overwrite", false, VIEW_SEND,
						List.of(bits(ADMINISTRATOR)), deny(VIEW_SEND), List.of(), deny(VIEW_SEND), Permission.ALL),
				new Case("@everyone's overwrite denies", false, VIEW_SEND, List.of(), deny(SEND_MESSAGES), List.of(),
						null, bits(VIEW_CHANNEL)),
				new Case("a role's overwrite allows over @everyone's deny", false, VIEW_SEND, List.of(0L),
						deny(SEND_MESSAGES), List.of(allow(SEND_MESSAGES)), null, VIEW_SEND),
				new Case("role overwrites combine: an allow of one role beats a deny of another", false, VIEW_SEND,
						List.of(0L, 0L), null, List.of(deny(SEND_MESSAGES), allow(SEND_MESSAGES)), null, VIEW_SEND),
				new Case("the member's overwrite beats the roles'", false, VIEW_SEND, List.of(0L), null,
						List.of(allow(SEND_MESSAGES)), deny(SEND_MESSAGES), bits(VIEW_CHANNEL)),
				new Case("the member's allow beats @everyone's deny", false, VIEW_SEND, List.of(), deny(SEND_MESSAGES),
						List.of(), allow(SEND_MESSAGES), VIEW_SEND),
				new Case("a private channel: @everyone denied, a role allowed", false, VIEW_SEND, List.of(0L),
						deny(VIEW_CHANNEL), List.of(allow(VIEW_CHANNEL)), null, VIEW_SEND),
				new Case("without VIEW_CHANNEL nothing else counts", false,
						bits(VIEW_CHANNEL, SEND_MESSAGES, MANAGE_MESSAGES), List.of(), deny(VIEW_CHANNEL), List.of(),
						null, 0),
				new Case("an overwrite can grant what no role has", false, bits(VIEW_CHANNEL), List.of(), null,
						List.of(), allow(MANAGE_MESSAGES), bits(VIEW_CHANNEL, MANAGE_MESSAGES)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void effectivePermissionFollowsDiscordsOrder(Case c) {
		long base = EffectivePermissions.base(c.owner(), c.everyone(), c.roles());

		long effective = EffectivePermissions.inChannel(base, c.everyoneOverwrite(), c.roleOverwrites(),
				c.memberOverwrite());

		assertThat(Permission.namesOf(effective)).isEqualTo(Permission.namesOf(c.expected()));
	}

	private static long bits(Permission... permissions) {
		return Permission.bitsOf(Set.of(permissions));
	}

	private static long bits(long... values) {
		long bits = 0;
		for (long value : values) {
			bits |= value;
		}
		return bits;
	}

	private static Overwrite allow(Permission... permissions) {
		return new Overwrite(bits(permissions), 0);
	}

	private static Overwrite deny(Permission... permissions) {
		return new Overwrite(0, bits(permissions));
	}

	private static Overwrite deny(long bits) {
		return new Overwrite(0, bits);
	}

	/** One row of the matrix. */
	record Case(String name, boolean owner, long everyone, List<Long> roles, @Nullable Overwrite everyoneOverwrite,
			List<Overwrite> roleOverwrites, @Nullable Overwrite memberOverwrite, long expected) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
