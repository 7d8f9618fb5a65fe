package dev.flux.user.profile;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProfileRepository extends JpaRepository<Profile, UUID> {

	/** The profile, its row locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Profile p where p.userId = :userId")
	Optional<Profile> findForUpdate(UUID userId);

	/**
	 * Profiles whose lower-cased username matches a {@code like} pattern escaped with
	 * {@code !}, in username order.
	 */
	@Query("select p from Profile p where lower(p.username) like :pattern escape '!' order by lower(p.username), p.userId")
	Slice<Profile> findByUsernamePattern(String pattern, Pageable page);

}
