package dev.flux.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console passes the page's calls to a service's admin API unchanged, with the
 * operator's token, and nothing else: a stand-in service (the JDK's HTTP server) records
 * what arrives. The console with the real services is in the browser test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminPassThroughTests {

	private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

	private static final HttpServer SERVICE = standIn();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("flux.console.services.user", () -> "http://localhost:" + SERVICE.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		SERVICE.stop(0);
	}

	@Test
	void passesAdminCallsWithTheOperatorsToken() throws Exception {
		HttpResponse<String> reply = send("POST", "/services/user/admin/dead-letters/7/replay?x=1", "Bearer op");

		assertThat(reply.statusCode()).isEqualTo(202);
		assertThat(reply.body()).isEqualTo("{\"replayed\":1}");
		assertThat(reply.headers().firstValue("content-type")).hasValue("application/json");
		assertThat(RECEIVED).contains("POST /admin/dead-letters/7/replay?x=1 Bearer op");
	}

	@Test
	void passesNothingButTheAdminApisAndSignIn() throws Exception {
		HttpResponse<String> refused = send("GET", "/services/user/api/users/me", "Bearer op");
		HttpResponse<String> unknown = send("GET", "/services/nope/admin/outbox", "Bearer op");

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(RECEIVED).noneMatch((line) -> line.contains("/api/users/me"));
		assertThat(AdminPassThrough.allowed("user", "GET", "/admin/../api/users")).isFalse();
		assertThat(AdminPassThrough.allowed("auth", "POST", "/api/auth/login")).isTrue();
		assertThat(AdminPassThrough.allowed("user", "POST", "/api/auth/login")).isFalse();
	}

	@Test
	void servesThePageAndTheListOfServices() throws Exception {
		assertThat(send("GET", "/", null).body()).contains("Flux operator console");
		assertThat(send("GET", "/console/services", null).body()).contains("\"user\"");
	}

	private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpServer standIn() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				RECEIVED.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
						+ exchange.getRequestHeaders().getFirst("Authorization"));
				byte[] body = "{\"replayed\":1}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(202, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
