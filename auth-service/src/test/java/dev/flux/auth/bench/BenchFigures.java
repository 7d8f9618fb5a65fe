package dev.flux.auth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.flux.testsupport.FluxInfrastructure;

/**
 * Keeps a bench's figures as JSON under {@code .flux/bench/}, one file per run, so that
 * runs can be compared without copying them from the console.
 */
final class BenchFigures {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private BenchFigures() {
	}

	/** Names and values, alternating, in that order. */
	static Map<String, Object> of(Object... namesAndValues) {
		Map<String, Object> figures = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return figures;
	}

	/** Writes {@code .flux/bench/<bench>-<UTC time>.json} and returns its path. */
	static Path write(String bench, Map<String, Object> figures) {
		Path file = FluxInfrastructure.projectRoot()
			.resolve(".flux/bench/" + bench + "-" + FILE_TIME.format(LocalDateTime.now(ZoneOffset.UTC)) + ".json");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file,
					JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

}
