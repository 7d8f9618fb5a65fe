package dev.flux.user.profile;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.flux.persistence.AssignedIdEntity;

/**
 * The tombstone of a deleted user: its id and the version of {@code user.deleted},
 * nothing personal. Events about the user that arrive after it are dropped.
 */
@Entity
@Table(name = "deleted_users")
class DeletedUser extends AssignedIdEntity<UUID> {

	@Id
	@Column(name = "user_id")
	private UUID userId;

	@Column(name = "account_version")
	private long accountVersion;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	protected DeletedUser() {
		this.userId = new UUID(0, 0);
		this.deletedAt = Instant.EPOCH;
	}

	DeletedUser(UUID userId, long accountVersion, Instant deletedAt) {
		this.userId = userId;
		this.accountVersion = accountVersion;
		this.deletedAt = deletedAt;
	}

	@Override
	public UUID getId() {
		return this.userId;
	}

}
