package dev.flux.auth.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

	Optional<Account> findByEmail(String email);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = ?1")
	Optional<Account> findForUpdate(UUID id);

	boolean existsByEmail(String email);

	@Query("select count(a) > 0 from Account a where lower(a.username) = ?1")
	boolean existsByUsernameKey(String usernameKey);

}
