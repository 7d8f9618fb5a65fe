package dev.flux.notification.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.flux.testsupport.FluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi-gateway.yaml describes exactly the WebSocket protocol the code speaks.
 * The frame types, actions and close codes are read from notification-service's main
 * sources, so a frame added anywhere in the service fails this test until the document
 * has it: frames are the literal types of {@code Frames.control/frame("x", ...)} and
 * {@code push(..., "x", ...)} or {@code push("x", ...)}; actions the {@code case "x" ->}
 * and {@code type.equals("x")} of the gateway package; close codes every
 * {@code CloseStatus} of {@code GatewayCloseStatus} and every one a socket is closed
 * with. A frame whose type is computed at run time cannot be read this way: give it a
 * literal.
 */
class GatewayProtocolDocsTests {

	private static final Path ROOT = FluxInfrastructure.projectRoot();

	private static final Path SOURCES = ROOT.resolve("notification-service/src/main/java");

	private static final Path GATEWAY_SOURCES = SOURCES.resolve("dev/flux/notification/gateway");

	private static final JsonNode DOCUMENT = new YAMLMapper()
		.readTree(read(ROOT.resolve("docs/asyncapi-gateway.yaml")));

	private static final Pattern SENT_FRAME = Pattern.compile("Frames\\.(?:control|frame)\\(\\s*\"([^\"]+)\""
			+ "|\\bpush\\(\\s*\"([^\"]+)\"|\\bpush\\(\\s*[^,;\"]+,\\s*\"([^\"]+)\"");

	private static final Pattern ACTION = Pattern
		.compile("case\\s+\"([^\"]+)\"\\s*->|type\\.equals\\(\\s*\"([^\"]+)\"");

	private static final Pattern CLOSE = Pattern
		.compile("close\\(\\s*(GatewayCloseStatus|CloseStatus)\\.([A-Z_]+)\\s*\\)");

	private static final Pattern NEW_CLOSE = Pattern.compile("new\\s+CloseStatus\\(\\s*(\\d+)");

	@Test
	void documentsEveryFrameTheGatewaySendsAndNoOther() throws Exception {
		assertThat(documented("send"))
			.as("frames of the send operation in docs/asyncapi-gateway.yaml, against the frame types"
					+ " notification-service's code sends")
			.isEqualTo(sentInCode());
	}

	@Test
	void documentsEveryActionTheGatewayHandlesAndNoOther() {
		assertThat(documented("receive"))
			.as("actions of the receive operation in docs/asyncapi-gateway.yaml, against the action types"
					+ " the gateway's code handles")
			.isEqualTo(actionsInCode());
	}

	@Test
	void documentsEveryCloseCodeAndNoOther() throws Exception {
		Set<Integer> documented = new TreeSet<>();
		DOCUMENT.path("info").path("x-flux-close-codes").forEach((code) -> documented.add(code.path("code").asInt()));

		assertThat(documented)
			.as("info.x-flux-close-codes of docs/asyncapi-gateway.yaml, against the codes the gateway closes with")
			.isEqualTo(closeCodesInCode());
	}

	@Test
	void everyMessageIsAFrameWhoseTypeIsItsName() {
		List<String> problems = new ArrayList<>();
		DOCUMENT.path("components").path("messages").properties().forEach((entry) -> {
			JsonNode allOf = entry.getValue().path("payload").path("allOf");
			String type = allOf.path(1).path("properties").path("type").path("const").asString();
			if (!entry.getKey().equals(entry.getValue().path("name").asString()) || !entry.getKey().equals(type)) {
				problems.add(entry.getKey() + ": its name and its payload's type const must both be " + entry.getKey());
			}
			if (!"#/components/schemas/frame".equals(allOf.path(0).path("$ref").asString())) {
				problems.add(entry.getKey() + ": its payload's first allOf must be $ref #/components/schemas/frame");
			}
		});

		assertThat(problems).isEmpty();
	}

	/** The names of the messages of the document's operations with that action. */
	private static Set<String> documented(String action) {
		JsonNode channelMessages = DOCUMENT.path("channels").path("gateway").path("messages");
		Set<String> names = new TreeSet<>();
		DOCUMENT.path("operations").forEach((operation) -> {
			if (action.equals(operation.path("action").asString())) {
				operation.path("messages").forEach((ref) -> {
					String key = ref.path("$ref").asString().replaceFirst("^#/channels/gateway/messages/", "");
					String component = channelMessages.path(key)
						.path("$ref")
						.asString()
						.replaceFirst("^#/components/messages/", "");
					names.add(DOCUMENT.path("components").path("messages").path(component).path("name").asString());
				});
			}
		});
		return names;
	}

	private static Set<String> actionsInCode() {
		Set<String> actions = found(GATEWAY_SOURCES, ACTION);
		actions.addAll(FrameTypes.ACTIONS);
		return actions;
	}

	private static Set<String> sentInCode() throws IllegalAccessException {
		Set<String> sent = found(SOURCES, SENT_FRAME);
		for (Field field : FrameTypes.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				field.setAccessible(true);
				sent.add((String) field.get(null));
			}
		}
		sent.removeAll(FrameTypes.ACTIONS);
		sent.addAll(FrameTypes.CHAT_EVENTS);
		return sent;
	}

	private static Set<Integer> closeCodesInCode() throws ReflectiveOperationException {
		Set<Integer> codes = new TreeSet<>();
		for (Field field : GatewayCloseStatus.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == CloseStatus.class) {
				codes.add(codeOf(field));
			}
		}
		for (String source : sources(SOURCES)) {
			Matcher close = CLOSE.matcher(source);
			while (close.find()) {
				Class<?> owner = close.group(1).equals("CloseStatus") ? CloseStatus.class : GatewayCloseStatus.class;
				codes.add(codeOf(owner.getDeclaredField(close.group(2))));
			}
			Matcher created = NEW_CLOSE.matcher(source);
			while (created.find()) {
				codes.add(Integer.valueOf(created.group(1)));
			}
		}
		return codes;
	}

	private static int codeOf(Field field) throws IllegalAccessException {
		field.setAccessible(true);
		return ((CloseStatus) field.get(null)).getCode();
	}

	private static Set<String> found(Path directory, Pattern pattern) {
		Set<String> found = new TreeSet<>();
		for (String source : sources(directory)) {
			Matcher matcher = pattern.matcher(source);
			while (matcher.find()) {
				for (int group = 1; group <= matcher.groupCount(); group++) {
					if (matcher.group(group) != null) {
						found.add(matcher.group(group));
					}
				}
			}
		}
		return found;
	}

	private static List<String> sources(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.sorted()
				.map(GatewayProtocolDocsTests::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
