package dev.flux.auth.token.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.token.SigningKeys;

/** Publishes the verification keys and where to find them. */
@RestController
@Tag(name = "keys", description = "Public keys for verifying access tokens")
class KeysController {

	private final SigningKeys keys;

	private final AuthProperties properties;

	KeysController(SigningKeys keys, AuthProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@GetMapping("/.well-known/jwks.json")
	@Operation(summary = "The public keys of every token that may still be live (active and recently retired)")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
			.body(this.keys.publishedKeys().toJSONObject(true));
	}

	@GetMapping("/.well-known/openid-configuration")
	@Operation(summary = "Discovery: the issuer and its JWKS, so resource servers can be configured from the issuer")
	Map<String, Object> discovery() {
		String issuer = this.properties.issuer();
		return Map.of("issuer", issuer, "jwks_uri", issuer + "/.well-known/jwks.json",
				"token_signing_alg_values_supported", List.of("ES256"));
	}

}
