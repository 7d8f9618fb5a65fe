package dev.flux.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays auth-service's key endpoint: serves a JWK Set at {@code /.well-known/jwks.json}
 * on a local port, with keys that can be added and withdrawn while it runs (a rotation),
 * and counts how often it was asked.
 */
public final class JwksServer implements AutoCloseable {

	/** Where auth-service publishes its keys, below its issuer URL. */
	public static final String PATH = "/.well-known/jwks.json";

	private final HttpServer server;

	private final List<JWK> keys = new CopyOnWriteArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private JwksServer(HttpServer server) {
		this.server = server;
	}

	/** Starts a server with no keys on a free local port. */
	public static JwksServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			JwksServer jwks = new JwksServer(server);
			server.createContext(PATH, jwks::serve);
			server.start();
			return jwks;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base URL, used as the issuer of the tokens whose keys this serves. */
	public String issuer() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	/** Where the JWK Set is served: {@code {issuer}/.well-known/jwks.json}. */
	public URI jwkSetUri() {
		return URI.create(issuer() + PATH);
	}

	/** Tokens of {@link #issuer()} signed by a new key, published from now on. */
	public TestTokens newSigningKey() {
		TestTokens tokens = TestTokens.generate(issuer());
		publish(tokens.publicKey());
		return tokens;
	}

	/** Adds keys to the set (public halves only are served). */
	public void publish(JWK... keys) {
		this.keys.addAll(List.of(keys));
	}

	/** Stops serving the key of these tokens. */
	public void withdraw(TestTokens tokens) {
		this.keys.removeIf((key) -> tokens.keyId().equals(key.getKeyID()));
	}

	/**
	 * The public keys served now, for an in-process key source that must agree with this
	 * server.
	 */
	public JWKSet jwkSet() {
		return new JWKSet(this.keys).toPublicJWKSet();
	}

	/** How many times the JWK Set was fetched. */
	public int requests() {
		return this.requests.get();
	}

	/** Stops the server: fetching keys then fails as when auth-service is down. */
	@Override
	public void close() {
		this.server.stop(0);
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requests.incrementAndGet();
			if (!"GET".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			byte[] body = jwkSet().toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
