package dev.flux.auth.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.auth.account.Account;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.EmailAddress;
import dev.flux.auth.account.EmailTaken;
import dev.flux.auth.account.UnknownAccount;
import dev.flux.auth.account.Username;
import dev.flux.auth.account.UsernameTaken;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.session.Sessions;
import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.social.OneTimeCode.Purpose;
import dev.flux.auth.token.OpaqueTokens;
import dev.flux.auth.verification.EmailVerifications;
import dev.flux.auth.ClientInfo;
import dev.flux.events.contract.SchemaViolationException;

/**
 * What a finished provider flow does to accounts, and the one-time codes around it.
 * <ul>
 * <li>A known (provider, subject) signs in to its account.</li>
 * <li>An unknown one is linked to the local account with the same email only when the
 * provider verified the address and the account verified it too; with an unverified
 * address on either side nothing happens ({@code email_in_use}), so nobody can plant an
 * account or an identity for someone else's address (pre-account takeover).</li>
 * <li>Otherwise a new account is created ({@code user.created}, once, through the
 * outbox), its email verified only if the provider verified it.</li>
 * </ul>
 * The browser then gets a one-time code, never tokens; the code is exchanged for tokens
 * once, and a replay revokes the session it opened. Linking while signed in starts with a
 * link ticket (bound to the account) and ends with a link code that only that account can
 * redeem, so neither half can be replayed against another account.
 */
@Service
class SocialLogin {

	private static final int USERNAME_ATTEMPTS = 6;

	private final IdentityRepository identities;

	private final OneTimeCodeRepository codes;

	private final Accounts accounts;

	private final EmailVerifications verifications;

	private final Sessions sessions;

	private final SocialProviders providers;

	private final TransactionTemplate transactions;

	private final SocialProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	SocialLogin(IdentityRepository identities, OneTimeCodeRepository codes, Accounts accounts,
			EmailVerifications verifications, Sessions sessions, SocialProviders providers,
			TransactionTemplate transactions, SocialProperties properties, AuditLog audit, Clock clock) {
		this.identities = identities;
		this.codes = codes;
		this.accounts = accounts;
		this.verifications = verifications;
		this.sessions = sessions;
		this.providers = providers;
		this.transactions = transactions;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Settles a provider's answer: signs in, links or registers, and returns the code for
	 * the front-end, or the error code when nothing may change. {@code linkTo} is the
	 * account a link ticket bound the flow to.
	 */
	Outcome complete(ProviderIdentity identity, @Nullable UUID linkTo) {
		for (int attempt = 1;; attempt++) {
			try {
				Outcome outcome = this.transactions.execute((status) -> settle(identity, linkTo));
				return (outcome != null) ? outcome : Outcome.failed("server_error");
			}
			catch (SchemaViolationException ex) {
				// The provider's address breaks the user.created contract's email rule.
				return Outcome.failed("email_invalid");
			}
			catch (DataIntegrityViolationException | UsernameTaken | EmailTaken ex) {
				// A concurrent callback for the same identity or a username taken
				// meanwhile:
				// settling again sees what the other one committed.
				if (attempt == USERNAME_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private Outcome settle(ProviderIdentity identity, @Nullable UUID linkTo) {
		Identity known = this.identities.findByProviderAndSubject(identity.provider(), identity.subject()).orElse(null);
		if (linkTo != null) {
			if (known != null && !known.userId().equals(linkTo)) {
				return Outcome.failedLinking("identity_in_use");
			}
			String code = issue(Purpose.LINK, linkTo, identity.provider(), identity.subject(), identity.email());
			return Outcome.linking(code);
		}
		if (known != null) {
			known.seen(identity.email());
			this.audit.socialLogin(known.userId(), identity.provider(), "signed_in");
			return Outcome.signingIn(issue(Purpose.SIGN_IN, known.userId(), identity.provider(), null, null));
		}
		if (identity.email() == null) {
			return Outcome.failed("email_required");
		}
		EmailAddress email = EmailAddress.of(identity.email());
		Account local = this.accounts.findByEmail(email).orElse(null);
		if (local != null) {
			if (!identity.emailVerified() || !local.emailVerified() || hasProvider(local.id(), identity.provider())) {
				return Outcome.failed("email_in_use");
			}
			Account locked = this.accounts.lock(local.id());
			this.identities.saveAndFlush(new Identity(locked.id(), identity.provider(), identity.subject(),
					identity.email(), this.clock.instant()));
			this.audit.socialLogin(locked.id(), identity.provider(), "linked");
			return Outcome.signingIn(issue(Purpose.SIGN_IN, locked.id(), identity.provider(), null, null));
		}
		Account account = this.accounts.create(freeUsername(identity), email, null, identity.emailVerified());
		this.identities.saveAndFlush(new Identity(account.id(), identity.provider(), identity.subject(),
				identity.email(), this.clock.instant()));
		if (!account.emailVerified()) {
			this.verifications.request(account);
		}
		this.audit.socialLogin(account.id(), identity.provider(), "registered");
		return Outcome.signingIn(issue(Purpose.SIGN_IN, account.id(), identity.provider(), null, null));
	}

	private Username freeUsername(ProviderIdentity identity) {
		Username base = UsernameCandidates.base(identity.name(), identity.email());
		Username candidate = base;
		for (int attempt = 1; this.accounts.usernameTaken(candidate); attempt++) {
			candidate = UsernameCandidates.numbered(base, attempt);
		}
		return candidate;
	}

	private boolean hasProvider(UUID userId, String provider) {
		return this.identities.findByUserIdOrderByCreatedAt(userId)
			.stream()
			.anyMatch((identity) -> identity.provider().equals(provider));
	}

	/**
	 * Exchanges a sign-in code for a token pair, once.
	 * @throws InvalidCode when the code is unknown, expired, used or not a sign-in code;
	 * a used one also revokes the session it opened
	 */
	TokenResponse exchange(String code, ClientInfo client) {
		Exchanged exchanged = this.transactions.execute((status) -> redeemSignIn(code, client));
		if (exchanged == null || exchanged.tokens() == null) {
			throw new InvalidCode();
		}
		return exchanged.tokens();
	}

	private Exchanged redeemSignIn(String code, ClientInfo client) {
		OneTimeCode presented = this.codes.findForUpdate(OpaqueTokens.hash(code)).orElse(null);
		Instant now = this.clock.instant();
		if (presented == null || presented.purpose() != Purpose.SIGN_IN) {
			return Exchanged.REFUSED;
		}
		if (presented.isUsed()) {
			UUID sessionId = presented.sessionId();
			if (sessionId != null) {
				this.sessions.revoke(presented.userId(), sessionId);
			}
			this.audit.oneTimeCodeReplayed(presented.userId(), sessionId, client.ip());
			return Exchanged.REFUSED;
		}
		if (!presented.isUsable(Purpose.SIGN_IN, now)) {
			return Exchanged.REFUSED;
		}
		presented.use(now);
		Account account = this.accounts.find(presented.userId()).orElse(null);
		if (account == null) {
			return Exchanged.REFUSED;
		}
		TokenResponse tokens = this.sessions.open(account, client);
		presented.opened(tokens.sessionId());
		this.audit.loginSucceeded(account.id(), client.ip());
		return new Exchanged(tokens);
	}

	/**
	 * A ticket that starts a provider flow linking to this account; the account's email
	 * must be verified, so an unverified account cannot collect identities before its
	 * address's owner claims it.
	 */
	@Transactional
	LinkTicket linkTicket(UUID userId, String provider) {
		if (!this.providers.isEnabled(provider)) {
			throw new UnknownProvider(provider);
		}
		Account account = this.accounts.find(userId).orElseThrow(() -> new UnknownAccount());
		if (!account.emailVerified()) {
			throw new EmailNotVerified("linking a provider");
		}
		String ticket = issue(Purpose.LINK_TICKET, userId, provider, null, null);
		return new LinkTicket(ticket, "/oauth2/authorization/" + provider + "?link_ticket=" + ticket,
				this.properties.codeTtl().toSeconds());
	}

	/**
	 * Uses a link ticket at the start of a flow.
	 * @return the account the flow links to
	 * @throws InvalidLinkTicketException when it is unknown, expired, used or for another
	 * provider
	 */
	@Transactional(noRollbackFor = InvalidLinkTicketException.class)
	UUID useLinkTicket(String ticket, String provider) {
		OneTimeCode presented = this.codes.findForUpdate(OpaqueTokens.hash(ticket)).orElse(null);
		Instant now = this.clock.instant();
		if (presented == null || !presented.isUsable(Purpose.LINK_TICKET, now)) {
			throw new InvalidLinkTicketException();
		}
		presented.use(now);
		if (!presented.provider().equals(provider)) {
			throw new InvalidLinkTicketException();
		}
		return presented.userId();
	}

	/**
	 * Redeems a link code for the signed-in account it was issued to.
	 * @throws InvalidCode when the code is not a valid link code of this account (a code
	 * of another account is burnt); IdentityInUse when the identity signs in to another
	 * account; ProviderAlreadyLinked when the account already has this provider
	 */
	@Transactional(noRollbackFor = { InvalidCode.class, IdentityInUse.class, ProviderAlreadyLinked.class })
	List<IdentityView> link(UUID userId, String code, ClientInfo client) {
		OneTimeCode presented = this.codes.findForUpdate(OpaqueTokens.hash(code)).orElse(null);
		Instant now = this.clock.instant();
		if (presented == null || !presented.isUsable(Purpose.LINK, now)) {
			throw new InvalidCode();
		}
		presented.use(now);
		String subject = presented.subject();
		if (!presented.userId().equals(userId) || subject == null) {
			throw new InvalidCode();
		}
		Account account = this.accounts.lock(userId);
		Identity known = this.identities.findByProviderAndSubject(presented.provider(), subject).orElse(null);
		if (known != null && !known.userId().equals(userId)) {
			throw new IdentityInUse(presented.provider());
		}
		if (known == null) {
			if (hasProvider(userId, presented.provider())) {
				throw new ProviderAlreadyLinked(presented.provider());
			}
			this.identities.save(new Identity(account.id(), presented.provider(), subject, presented.email(), now));
			this.audit.identityLinked(userId, presented.provider(), client.ip());
		}
		return identities(userId);
	}

	/** The account's provider identities, oldest first. */
	@Transactional(readOnly = true)
	List<IdentityView> identities(UUID userId) {
		return this.identities.findByUserIdOrderByCreatedAt(userId)
			.stream()
			.map((identity) -> new IdentityView(identity.provider(), identity.email(), identity.createdAt()))
			.toList();
	}

	/**
	 * Removes the account's identity of a provider.
	 * @throws UnknownIdentity when there is none; LastSignInMethod when it is the only
	 * way left to sign in (no password, no other identity)
	 */
	@Transactional
	void unlink(UUID userId, String provider, ClientInfo client) {
		Account account = this.accounts.lock(userId);
		List<Identity> owned = this.identities.findByUserIdOrderByCreatedAt(userId);
		Identity identity = owned.stream()
			.filter((candidate) -> candidate.provider().equals(provider))
			.findFirst()
			.orElseThrow(() -> new UnknownIdentity(provider));
		if (account.passwordHash() == null && owned.size() == 1) {
			throw new LastSignInMethod();
		}
		this.identities.delete(identity);
		this.audit.identityUnlinked(userId, provider, client.ip());
	}

	/**
	 * Forgets codes a day after they expired; until then a replay is still recognized.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void purgeExpiredCodes() {
		this.codes.deleteExpiredBefore(this.clock.instant().minus(Duration.ofDays(1)));
	}

	private String issue(Purpose purpose, UUID userId, String provider, @Nullable String subject,
			@Nullable String email) {
		String code = OpaqueTokens.generate();
		this.codes.save(new OneTimeCode(OpaqueTokens.hash(code), purpose, userId, provider, subject, email,
				this.clock.instant(), this.properties.codeTtl()));
		return code;
	}

	/**
	 * How a provider flow ends for the browser: a code (with the flow it finishes) or an
	 * error code.
	 */
	record Outcome(@Nullable String code, String flow, @Nullable String error) {

		static Outcome signingIn(String code) {
			return new Outcome(code, "login", null);
		}

		static Outcome linking(String code) {
			return new Outcome(code, "link", null);
		}

		static Outcome failed(String error) {
			return new Outcome(null, "login", error);
		}

		static Outcome failedLinking(String error) {
			return new Outcome(null, "link", error);
		}

	}

	/** A ticket that starts a linking flow. */
	record LinkTicket(String ticket, String authorizationUrl, long expiresIn) {
	}

	/** A linked provider as its owner sees it. */
	record IdentityView(String provider, @Nullable String email, Instant linkedAt) {
	}

	private record Exchanged(@Nullable TokenResponse tokens) {

		static final Exchanged REFUSED = new Exchanged(null);

	}

	/** A link ticket that cannot start a flow. */
	static final class InvalidLinkTicketException extends RuntimeException {

		InvalidLinkTicketException() {
			super("The link ticket is unknown, expired, used or for another provider", null, false, false);
		}

	}

}
