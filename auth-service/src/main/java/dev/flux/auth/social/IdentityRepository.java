package dev.flux.auth.social;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface IdentityRepository extends JpaRepository<Identity, UUID> {

	Optional<Identity> findByProviderAndSubject(String provider, String subject);

	List<Identity> findByUserIdOrderByCreatedAt(UUID userId);

}
