package dev.flux.events.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.flux.events.contract.EventCatalog;
import dev.flux.events.topology.ConsumerQueue;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.FluxInfrastructure;

/**
 * The diagrams and docs of the checkout, and what the code says they may name: the
 * topology's exchanges, queues and binding keys, and the contracts' event types.
 */
final class FluxDocs {

	static final Path ROOT = FluxInfrastructure.projectRoot();

	static final Path DIAGRAMS = ROOT.resolve("diagrams");

	static final Path DOCS = ROOT.resolve("docs");

	static final FluxTopology TOPOLOGY = FluxTopology.standard(FluxTopology.DEFAULT_RETRY_TIERS);

	static final EventCatalog CATALOG = EventCatalog.standard();

	/**
	 * A dotted lower-case name not inside a longer word or path: {@code app.events},
	 * {@code user.service.retry.5s}, {@code user.*}.
	 */
	private static final Pattern DOTTED = Pattern
		.compile("(?<![\\w.\\-/])[a-z][a-z0-9_-]*(?:\\.(?:[a-z0-9_-]+|\\*|#))+(?![\\w*#-])");

	private FluxDocs() {
	}

	/** Every Mermaid source under diagrams/, as a path relative to diagrams/. */
	static List<Path> diagrams() {
		try (Stream<Path> files = Files.walk(DIAGRAMS)) {
			return files.filter((file) -> file.toString().endsWith(".mmd")).map(DIAGRAMS::relativize).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The dotted names a text mentions, in order of first mention. */
	static Set<String> dottedNames(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = DOTTED.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	/**
	 * The exchanges of the topology: the three shared ones and each service's retry
	 * exchange.
	 */
	static Set<String> exchanges() {
		Set<String> exchanges = new LinkedHashSet<>(
				List.of(FluxTopology.EVENTS_EXCHANGE, FluxTopology.DEAD_LETTER_EXCHANGE, FluxTopology.REPLAY_EXCHANGE));
		TOPOLOGY.queues().forEach((queue) -> exchanges.add(queue.retryExchange()));
		return exchanges;
	}

	/**
	 * Every queue of the topology: service queues, retry queues and dead-letter queues;
	 * and the gateway instances' queues, which diagrams name by their prefix and a
	 * placeholder ({@code notification.service.gateway.#lt;instance-id#gt;}, where the
	 * dotted name read ends).
	 */
	static Set<String> queues() {
		Set<String> queues = new LinkedHashSet<>();
		queues.add(FluxTopology.GATEWAY_QUEUE_PREFIX.substring(0, FluxTopology.GATEWAY_QUEUE_PREFIX.length() - 1));
		for (ConsumerQueue queue : TOPOLOGY.queues()) {
			queues.add(queue.name());
			for (int tier = 0; tier < queue.retryTiers().size(); tier++) {
				queues.add(queue.retryQueue(tier));
			}
			queues.add(queue.deadLetterQueue());
		}
		return queues;
	}

	/** The binding keys of every service queue on {@code app.events}. */
	static Set<String> bindingKeys() {
		Set<String> keys = new LinkedHashSet<>();
		TOPOLOGY.queues().forEach((queue) -> keys.addAll(queue.bindingKeys()));
		return keys;
	}

	/**
	 * The entities routing keys start with ({@code user}, {@code profile}...): a dotted
	 * name starting with one of them is a routing key.
	 */
	static Set<String> entities() {
		Set<String> entities = new LinkedHashSet<>();
		CATALOG.types().forEach((type) -> entities.add(type.substring(0, type.indexOf('.'))));
		bindingKeys().forEach((key) -> entities.add(key.substring(0, key.indexOf('.'))));
		return entities;
	}

	/** The service queues a routing key reaches, by topic matching of their bindings. */
	static Set<String> queuesReceiving(String routingKey) {
		Set<String> queues = new LinkedHashSet<>();
		for (ConsumerQueue queue : TOPOLOGY.queues()) {
			if (queue.bindingKeys().stream().anyMatch((key) -> topicMatches(key, routingKey))) {
				queues.add(queue.name());
			}
		}
		return queues;
	}

	/** AMQP topic matching: {@code *} is one word, {@code #} zero or more. */
	static boolean topicMatches(String bindingKey, String routingKey) {
		return matches(List.of(bindingKey.split("\\.")), 0, List.of(routingKey.split("\\.")), 0);
	}

	private static boolean matches(List<String> pattern, int p, List<String> words, int w) {
		if (p == pattern.size()) {
			return w == words.size();
		}
		String part = pattern.get(p);
		if (part.equals("#")) {
			for (int skip = w; skip <= words.size(); skip++) {
				if (matches(pattern, p + 1, words, skip)) {
					return true;
				}
			}
			return false;
		}
		return w < words.size() && (part.equals("*") || part.equals(words.get(w)))
				&& matches(pattern, p + 1, words, w + 1);
	}

	/** Markdown files that may link a rendered diagram: README.md and docs/*.md. */
	static List<Path> markdown() {
		List<Path> files = new ArrayList<>();
		files.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.list(DOCS)) {
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

}
