package dev.flux.persistence;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssignedIdEntityTests {

	@Test
	void isNewUntilStoredSoThatSaveInsertsWithoutASelect() {
		Named entity = new Named(UUID.randomUUID());
		assertThat(entity.isNew()).isTrue();
		entity.markStored();
		assertThat(entity.isNew()).isFalse();
	}

	static final class Named extends AssignedIdEntity<UUID> {

		private final UUID id;

		Named(UUID id) {
			this.id = id;
		}

		@Override
		public UUID getId() {
			return this.id;
		}

	}

}
