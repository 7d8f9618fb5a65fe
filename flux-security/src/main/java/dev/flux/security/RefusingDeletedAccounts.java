package dev.flux.security;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A decoder that refuses the tokens of deleted accounts after the token itself passed.
 * Asked on every use, remembered tokens included, so a deletion counts from the moment
 * the service knows it. A subject that is no user id (a service's token) is no deleted
 * account: it passes, and every service answers it the same way. A database that cannot
 * be read is no verdict on the token: its exception goes on unchanged, through Spring
 * Security, to flux-web's filter, which answers 503 {@code service-unavailable}.
 */
public final class RefusingDeletedAccounts implements JwtDecoder {

	private final JwtDecoder decoder;

	private final ObjectProvider<DeletedAccounts> deleted;

	// Resolved on first use, not per request: resolving a provider walks the bean factory
	// (7% of a history page's CPU in ./flux bench chat), and the bean is a singleton.
	private volatile @Nullable DeletedAccounts accounts;

	public RefusingDeletedAccounts(JwtDecoder decoder, ObjectProvider<DeletedAccounts> deleted) {
		this.decoder = decoder;
		this.deleted = deleted;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.decoder.decode(token);
		DeletedAccounts accounts = accounts();
		UUID userId = userId(jwt.getSubject());
		if (accounts != null && userId != null && accounts.isDeleted(userId)) {
			throw new BadJwtException("The account of this token was deleted");
		}
		return jwt;
	}

	private @Nullable DeletedAccounts accounts() {
		DeletedAccounts accounts = this.accounts;
		if (accounts == null) {
			accounts = this.deleted.getIfAvailable();
			this.accounts = accounts;
		}
		return accounts;
	}

	private static @Nullable UUID userId(@Nullable String subject) {
		if (subject == null) {
			return null;
		}
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
