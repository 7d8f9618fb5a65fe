package dev.flux.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SessionRepository extends JpaRepository<Session, UUID> {

	@Query("select s from Session s where s.userId = ?1 and s.revokedAt is null and s.expiresAt > ?2 order by s.lastUsedAt desc")
	List<Session> findLive(UUID userId, Instant now);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Session s where s.id = ?1")
	java.util.Optional<Session> findForUpdate(UUID id);

	@Modifying
	@Query("update Session s set s.revokedAt = ?2, s.revokeReason = ?3 where s.userId = ?1 and s.revokedAt is null")
	int revokeAll(UUID userId, Instant now, String reason);

	@Modifying
	@Query("update Session s set s.revokedAt = ?3, s.revokeReason = ?4 where s.userId = ?1 and s.revokedAt is null and s.id <> ?2")
	int revokeAllExcept(UUID userId, UUID except, Instant now, String reason);

}
