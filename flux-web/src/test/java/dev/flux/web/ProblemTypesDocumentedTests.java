package dev.flux.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dev.flux.testsupport.FluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem {@code type} the services can answer with is a row of the table in
 * docs/api.md, so a client can look up what it means.
 */
class ProblemTypesDocumentedTests {

	private static final Path ROOT = FluxInfrastructure.projectRoot();

	/**
	 * {@code ApiProblem.of(HttpStatus.CONFLICT, "username-taken", ...)}, over line
	 * breaks.
	 */
	private static final Pattern DECLARED = Pattern
		.compile("ApiProblem\\s*\\.of\\(\\s*HttpStatus\\.\\w+,\\s*\"([a-z-]+)\"");

	private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([a-z-]+)` \\|", Pattern.MULTILINE);

	@Test
	void documentsEveryTypeTheServicesDeclare() {
		Set<String> declared = declaredTypes();

		assertThat(declared).as("types found in the code")
			.contains("username-taken", "precondition-failed", "unsupported-media-type");
		assertThat(documentedTypes()).containsAll(declared);
	}

	@Test
	void documentsTheTypesOfWhatSpringAndTheTokenChecksAnswer() {
		Set<String> answered = Stream
			.of(HttpStatus.BAD_REQUEST, HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND,
					HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.NOT_ACCEPTABLE, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					HttpStatus.SERVICE_UNAVAILABLE)
			.map(ProblemHandling::typeOf)
			.collect(Collectors.toSet());

		assertThat(documentedTypes()).containsAll(answered).contains("invalid-request", "not-found");
	}

	/** The types literally declared in the main code of every module. */
	private static Set<String> declaredTypes() {
		Set<String> types = new TreeSet<>();
		try (Stream<Path> modules = Files.list(ROOT)) {
			modules.map((module) -> module.resolve("src/main/java")).filter(Files::isDirectory).forEach((sources) -> {
				try (Stream<Path> files = Files.walk(sources)) {
					files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
						Matcher matcher = DECLARED.matcher(read(file));
						while (matcher.find()) {
							types.add(matcher.group(1));
						}
					});
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return types;
	}

	private static Set<String> documentedTypes() {
		Matcher matcher = DOCUMENTED.matcher(read(ROOT.resolve("docs/api.md")));
		Set<String> types = new TreeSet<>();
		while (matcher.find()) {
			types.add(matcher.group(1));
		}
		return types;
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
