package dev.flux.auth.social;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OneTimeCodeRepository extends JpaRepository<OneTimeCode, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from OneTimeCode c where c.tokenHash = ?1")
	Optional<OneTimeCode> findForUpdate(byte[] codeHash);

	@Modifying
	@Query("delete from OneTimeCode c where c.expiresAt < ?1")
	int deleteExpiredBefore(Instant cutoff);

}
