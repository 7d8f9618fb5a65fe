package dev.flux.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

	/** The key new tokens are signed with: the newest one not retired. */
	Optional<SigningKey> findFirstByRetiredAtIsNullOrderByCreatedAtDesc();

	/**
	 * Every key whose tokens may still be live: active ones and retired ones still
	 * published.
	 */
	@Query("select k from SigningKey k where k.retiredAt is null or k.publishedUntil > ?1 order by k.createdAt desc")
	List<SigningKey> findPublished(Instant now);

	@Query("select k from SigningKey k where k.retiredAt is null")
	List<SigningKey> findActive();

}
