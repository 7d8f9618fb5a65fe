package dev.flux.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

	Page<Notification> findByUserId(UUID userId, Pageable page);

	Page<Notification> findByUserIdAndReadAtIsNull(UUID userId, Pageable page);

	List<Notification> findTop20ByUserIdOrderByCreatedAtDescIdDesc(UUID userId);

	long countByUserIdAndReadAtIsNull(UUID userId);

	Optional<Notification> findByIdAndUserId(UUID id, UUID userId);

	@Modifying
	@Query("UPDATE Notification n SET n.readAt = :now WHERE n.userId = :userId AND n.readAt IS NULL")
	int markAllRead(@Param("userId") UUID userId, @Param("now") Instant now);

	@Modifying
	@Query("DELETE FROM Notification n WHERE n.userId = :userId")
	int deleteByOwner(@Param("userId") UUID userId);

}
