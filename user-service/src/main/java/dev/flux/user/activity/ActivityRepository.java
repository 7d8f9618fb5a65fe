package dev.flux.user.activity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ActivityRepository extends JpaRepository<Activity, UUID> {

	@Query("select a from Activity a where a.userId = :userId order by a.startTime, a.id")
	List<Activity> findByUser(UUID userId);

	@Query("select a from Activity a where a.id = :id and a.userId = :userId")
	Optional<Activity> findOwn(UUID userId, UUID id);

	@Modifying
	@Query("delete from Activity a where a.userId = :userId")
	void deleteByUser(UUID userId);

}
