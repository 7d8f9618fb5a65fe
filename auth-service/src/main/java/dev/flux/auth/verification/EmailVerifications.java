package dev.flux.auth.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.account.Account;
import dev.flux.auth.admin.AdminRoles;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.EmailAddress;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.takeback.EmailTakebacks;
import dev.flux.auth.token.OpaqueTokens;
import dev.flux.auth.ClientInfo;
import dev.flux.events.contract.VerificationRequested;

/**
 * The email verification feature's API. A token is bound to the address it was sent to,
 * so a token for a previous address cannot verify a new one; a new token replaces earlier
 * ones.
 */
@Service
public class EmailVerifications {

	private final EmailVerificationRepository verifications;

	private final Accounts accounts;

	private final AuthProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final EmailTakebacks takebacks;

	private final AdminRoles adminRoles;

	EmailVerifications(EmailVerificationRepository verifications, Accounts accounts, AuthProperties properties,
			AuditLog audit, Clock clock, EmailTakebacks takebacks, AdminRoles adminRoles) {
		this.takebacks = takebacks;
		this.adminRoles = adminRoles;
		this.verifications = verifications;
		this.accounts = accounts;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a token for the account's current address and appends
	 * {@code user.verification_requested}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void request(Account account) {
		send(account, account.email(), false);
	}

	/**
	 * Sends a link to a new address that moves the account there when used (the
	 * enumeration-safe email change): the account keeps its address until then.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requestChange(Account account, EmailAddress newEmail) {
		send(account, newEmail.value(), true);
	}

	private void send(Account account, String email, boolean changesEmail) {
		Instant now = this.clock.instant();
		this.verifications.invalidateOpen(account.id(), now);
		String token = OpaqueTokens.generate();
		Instant expiresAt = now.plus(this.properties.verificationTtl());
		this.verifications
			.save(new EmailVerification(account.id(), email, OpaqueTokens.hash(token), now, expiresAt, changesEmail));
		this.accounts.append(account,
				new VerificationRequested(account.id(), account.username(), email, token, expiresAt));
	}

	/**
	 * Sends a new token to a signed-in user's address.
	 * @throws AlreadyVerified when the address is already verified
	 */
	@Transactional
	public void resend(UUID userId) {
		Account account = this.accounts.lock(userId);
		if (account.emailVerified()) {
			throw new AlreadyVerified();
		}
		request(account);
	}

	/**
	 * Redeems a token: the account's address becomes verified ({@code user.updated}); a
	 * change token first moves the account to the address it was sent to.
	 * @throws InvalidVerificationToken when the token is unknown, used, replaced, expired
	 * or for an address the account no longer has
	 */
	@Transactional
	public void verify(String token, ClientInfo client) {
		Instant now = this.clock.instant();
		EmailVerification verification = this.verifications.findForUpdate(OpaqueTokens.hash(token))
			.filter((candidate) -> candidate.isUsable(now))
			.orElseThrow(() -> new InvalidVerificationToken());
		Account account = this.accounts.lock(verification.userId());
		if (verification.changesEmail()) {
			// The previous address gets the notice with its takeback link, as in a direct
			// change.
			EmailTakebacks.Offer takeback = this.takebacks.offer(account.id(), account.email());
			this.accounts.changeEmail(account, new EmailAddress(verification.email()), takeback.token(),
					takeback.expiresAt());
		}
		if (!account.email().equals(verification.email())) {
			throw new InvalidVerificationToken();
		}
		verification.use(now);
		this.accounts.verifyEmail(account);
		this.audit.emailVerified(account.id(), client.ip());
		this.adminRoles.verified(account, this.properties.admins());
	}

}
