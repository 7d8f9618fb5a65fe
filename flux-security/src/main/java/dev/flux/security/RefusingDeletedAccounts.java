package dev.flux.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A decoder that refuses the tokens of deleted accounts after the token itself passed.
 * Asked on every use, remembered tokens included, so a deletion counts from the moment
 * the service knows it.
 */
public final class RefusingDeletedAccounts implements JwtDecoder {

	private final JwtDecoder decoder;

	private final ObjectProvider<DeletedAccounts> deleted;

	public RefusingDeletedAccounts(JwtDecoder decoder, ObjectProvider<DeletedAccounts> deleted) {
		this.decoder = decoder;
		this.deleted = deleted;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.decoder.decode(token);
		DeletedAccounts accounts = this.deleted.getIfAvailable();
		if (accounts != null && jwt.getSubject() != null && accounts.isDeleted(jwt.getSubject())) {
			throw new BadJwtException("The account of this token was deleted");
		}
		return jwt;
	}

}
