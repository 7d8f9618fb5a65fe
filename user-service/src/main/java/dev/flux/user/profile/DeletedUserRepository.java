package dev.flux.user.profile;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeletedUserRepository extends JpaRepository<DeletedUser, UUID> {

}
