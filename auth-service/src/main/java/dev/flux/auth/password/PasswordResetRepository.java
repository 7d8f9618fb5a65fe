package dev.flux.auth.password;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetRepository extends JpaRepository<PasswordReset, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from PasswordReset r where r.tokenHash = ?1")
	Optional<PasswordReset> findForUpdate(byte[] tokenHash);

	/** Replaces every open reset token of a user: only the newest one works. */
	@Modifying(flushAutomatically = true)
	@Query("update PasswordReset r set r.invalidatedAt = ?2 where r.userId = ?1 and r.usedAt is null and r.invalidatedAt is null")
	int invalidateOpen(UUID userId, Instant now);

}
