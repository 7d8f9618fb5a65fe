package dev.flux.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * A trace collector in the test's own process: an OTLP/HTTP endpoint
 * ({@code POST /v1/traces}, protobuf) that keeps every span the services export to it.
 */
public final class OtlpReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private OtlpReceiver(HttpServer server) {
		this.server = server;
	}

	/** Starts a receiver on a free local port. */
	public static OtlpReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			OtlpReceiver receiver = new OtlpReceiver(server);
			server.createContext("/v1/traces", receiver::receive);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The URL to export traces to
	 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}).
	 */
	public String tracesEndpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** Every span received so far. */
	public List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	/** The spans of one trace. */
	public List<ReceivedSpan> trace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resource : request.getResourceSpansList()) {
				String service = resource.getResource()
					.getAttributesList()
					.stream()
					.filter((attribute) -> attribute.getKey().equals("service.name"))
					.map(KeyValue::getValue)
					.map((value) -> value.getStringValue())
					.findFirst()
					.orElse("");
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					scope.getSpansList()
						.forEach((span) -> this.spans.add(new ReceivedSpan(service,
								hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
								hex(span.getParentSpanId().toByteArray()), span.getName())));
				}
			}
			exchange.sendResponseHeaders(200, -1);
		}
		finally {
			exchange.close();
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One exported span.
	 *
	 * @param service the {@code service.name} of the process that exported it
	 * @param traceId 32 hex digits
	 * @param spanId 16 hex digits
	 * @param parentSpanId 16 hex digits, empty for a root span
	 * @param name the span's name
	 */
	public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {
	}

}
