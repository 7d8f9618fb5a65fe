package dev.flux.events.contract;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * One definition of an email address for the HTTP edge and the event schemas: what it
 * accepts, an event carrying it passes its schema; what it refuses, no service accepts.
 */
class EmailAddressesTests {

	private final EventCodec codec = EventCodec.standard();

	@ParameterizedTest
	@ValueSource(strings = { "x@b.test", "x@b.internal", "x@b.local", "first.last+tag@mail.example.com",
			"o'brien@example.co.uk", "x@xn--bcher-kva.example", "a_b-c@sub-domain.example.org" })
	void anAddressItAcceptsPassesTheEventSchemas(String address) {
		assertThat(EmailAddresses.isValid(address)).isTrue();
		assertThatNoException()
			.isThrownBy(() -> this.codec.envelope(new UserCreated(UUID.randomUUID(), "someone", address, false),
					UUID.randomUUID(), Instant.now(), "auth-service", "1", 1, UUID.randomUUID(), null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "x@b.c", "x@b", "x@localhost", "@b.example", "x@", "x", "x@@b.example", "x y@b.example",
			".x@b.example", "x.@b.example", "x..y@b.example", "x@-b.example", "x@b-.example", "x@b..example",
			"x@b.ex4mple", "x@[127.0.0.1]", "\"x\"@b.example", "x@b.example.", "x\u0000@b.example", "ü@b.example",
			"x@bü.example" })
	void refusesWhatIsNoMailboxAddress(String address) {
		assertThat(EmailAddresses.isValid(address)).isFalse();
	}

	@org.junit.jupiter.api.Test
	void refusesAddressesBeyondTheLengthLimits() {
		String label = "a".repeat(63);
		assertThat(EmailAddresses.isValid("a".repeat(64) + "@b.example")).isTrue();
		assertThat(EmailAddresses.isValid("a".repeat(65) + "@b.example")).isFalse();
		assertThat(EmailAddresses.isValid("x@" + label + "." + label + "." + label + ".example")).isTrue();
		assertThat(EmailAddresses.isValid("x@" + label + "." + label + "." + label + "." + label + ".example"))
			.isFalse();
		assertThat(EmailAddresses.isValid("x@" + "a".repeat(64) + ".example")).isFalse();
	}

}
