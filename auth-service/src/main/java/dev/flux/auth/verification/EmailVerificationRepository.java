package dev.flux.auth.verification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EmailVerificationRepository extends JpaRepository<EmailVerification, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from EmailVerification r where r.tokenHash = ?1")
	Optional<EmailVerification> findForUpdate(byte[] tokenHash);

	/** Replaces every open verification token of a user: only the newest one works. */
	@Modifying(flushAutomatically = true)
	@Query("update EmailVerification r set r.invalidatedAt = ?2 where r.userId = ?1 and r.usedAt is null and r.invalidatedAt is null")
	int invalidateOpen(UUID userId, Instant now);

}
