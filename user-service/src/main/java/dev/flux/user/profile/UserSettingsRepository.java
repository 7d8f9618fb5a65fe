package dev.flux.user.profile;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserSettingsRepository extends JpaRepository<UserSettings, UUID> {

}
