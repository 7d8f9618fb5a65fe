package dev.flux.events.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagrams say what the code does: every exchange, queue and routing key they name
 * exists in {@link dev.flux.events.topology.FluxTopology} or the contracts, every event
 * type appears in a flow, and every diagram is rendered (./flux test renders them to
 * docs/diagrams/) and linked from the docs.
 */
class DiagramTests {

	@Test
	void everyExchangeQueueAndRoutingKeyInADiagramExistsInTheTopology() {
		Set<String> exchanges = FluxDocs.exchanges();
		Set<String> queues = FluxDocs.queues();
		Set<String> routingKeys = new TreeSet<>(FluxDocs.CATALOG.types());
		routingKeys.addAll(FluxDocs.bindingKeys());
		Set<String> entities = FluxDocs.entities();
		List<String> unknown = new ArrayList<>();
		for (Path diagram : FluxDocs.diagrams()) {
			for (String name : FluxDocs.dottedNames(FluxDocs.read(FluxDocs.DIAGRAMS.resolve(diagram)))) {
				String first = name.substring(0, name.indexOf('.'));
				if (first.equals("app") && !exchanges.contains(name)) {
					unknown.add(diagram + ": exchange " + name + " (the topology has " + exchanges + ")");
				}
				else if (name.startsWith(first + ".service.") && !queues.contains(name) && !exchanges.contains(name)) {
					unknown.add(diagram + ": queue or exchange " + name + " (the topology has " + queues + ")");
				}
				else if (entities.contains(first) && !name.startsWith(first + ".service.")
						&& !routingKeys.contains(name)) {
					unknown.add(diagram + ": routing key " + name
							+ " is neither an event type of EventCatalog.standard() nor a binding key");
				}
			}
		}
		assertThat(unknown)
			.as("names in diagrams/ that the code does not define; fix the diagram, "
					+ "or the topology (FluxTopology) / contracts (EventCatalog) if the diagram is right")
			.isEmpty();
	}

	@Test
	void everyEventTypeOfTheContractsAppearsInAFlow() {
		Set<String> named = new TreeSet<>();
		FluxDocs.diagrams()
			.stream()
			.filter((diagram) -> diagram.startsWith("flows"))
			.forEach(
					(diagram) -> named.addAll(FluxDocs.dottedNames(FluxDocs.read(FluxDocs.DIAGRAMS.resolve(diagram)))));

		assertThat(named).as("event types that no diagram under diagrams/flows/ shows; draw where each one goes")
			.containsAll(FluxDocs.CATALOG.types());
	}

	@Test
	void everyDiagramIsRenderedAndLinkedFromTheDocs() {
		StringBuilder docs = new StringBuilder();
		FluxDocs.markdown().forEach((file) -> docs.append(FluxDocs.read(file)));
		List<String> problems = new ArrayList<>();
		for (Path diagram : FluxDocs.diagrams()) {
			String svg = "diagrams/" + diagram.toString().replace('\\', '/').replaceFirst("\\.mmd$", ".svg");
			if (!Files.isRegularFile(FluxDocs.DOCS.resolve(svg))) {
				problems.add("docs/" + svg + " is missing: run ./flux docs and commit it");
			}
			if (!docs.toString().contains(svg + ")")) {
				problems.add("no doc links " + svg + ": link it from README.md or docs/*.md");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyRenderedDiagramMatchesItsSourceAndFitsALaptopScreen() {
		List<String> problems = new ArrayList<>();
		for (Path diagram : FluxDocs.diagrams()) {
			String svgPath = "docs/diagrams/" + diagram.toString().replace('\\', '/').replaceFirst("\\.mmd$", ".svg");
			Path svg = FluxDocs.ROOT.resolve(svgPath);
			if (!Files.isRegularFile(svg)) {
				continue;
			}
			RenderedDiagram rendered = RenderedDiagram.read(FluxDocs.read(svg));
			if (!RenderedDiagram.sourceHash(FluxDocs.read(FluxDocs.DIAGRAMS.resolve(diagram)))
				.equals(rendered.sourceHash())) {
				problems.add(svgPath + " was not rendered from the current diagrams/" + diagram
						+ ": run ./flux docs and commit the SVG");
			}
			if (!(rendered.width() <= RenderedDiagram.MAX_WIDTH)) {
				problems.add(svgPath + " is " + Math.round(rendered.width()) + " px wide, more than "
						+ RenderedDiagram.MAX_WIDTH + ": shorten its labels, lay it out top to bottom, or split it");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void readsTheSourceHashAndWidthOfARenderedDiagram() {
		RenderedDiagram rendered = RenderedDiagram
			.read("<svg data-flux-source=\"sha256:" + RenderedDiagram.sourceHash("flowchart LR\r\n  a --> b\r\n")
					+ "\" id=\"my-svg\" style=\"max-width: 5460px;\" viewBox=\"-50 -10 5460 1190\"><g/></svg>");

		assertThat(rendered.sourceHash()).isEqualTo(RenderedDiagram.sourceHash("flowchart LR\n  a --> b\n"));
		assertThat(rendered.width()).isEqualTo(5460);
		assertThat(RenderedDiagram.read("<svg viewBox=\"0 0 800 600\"></svg>").sourceHash()).isEmpty();
	}

	@Test
	void readsNamesTheWayTheTestNeeds() {
		assertThat(FluxDocs.dottedNames("A->>B: to user.service.retry.5s<br/>app.events (e.g. user.*), "
				+ "Outbox.append and /.well-known/jwks.json"))
			.containsExactly("user.service.retry.5s", "app.events", "e.g", "user.*");
		assertThat(FluxDocs.dottedNames("IQ as notification.service.gateway.#lt;instance-id#gt;<br/>"))
			.containsExactly("notification.service.gateway");
		assertThat(FluxDocs.queues()).contains("notification.service.gateway");
		assertThat(FluxDocs.topicMatches("user.*", "user.created")).isTrue();
		assertThat(FluxDocs.topicMatches("user.*", "user.created.extra")).isFalse();
		assertThat(FluxDocs.topicMatches("presence.#", "presence")).isTrue();
		assertThat(FluxDocs.queuesReceiving("user.verification_requested"))
			.containsExactly("notification.service.queue");
	}

}
