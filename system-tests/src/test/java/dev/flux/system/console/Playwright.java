package dev.flux.system.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flux.testsupport.FluxInfrastructure;

/**
 * Runs the Playwright tests of {@code system-tests/src/test/playwright} with Debian's
 * Chromium (no browser download): installs the npm packages its lockfile pins when they
 * changed, then fails with Playwright's own output when a browser test fails.
 */
final class Playwright {

	private static final Logger logger = LoggerFactory.getLogger(Playwright.class);

	private static final Path PROJECT = FluxInfrastructure.projectRoot().resolve("system-tests/src/test/playwright");

	private static final Path OUTPUT = FluxInfrastructure.projectRoot().resolve("system-tests/target/playwright");

	private Playwright() {
	}

	/**
	 * Runs every spec with these variables; the screenshots land in target/playwright.
	 */
	static void run(Map<String, String> environment) throws IOException, InterruptedException {
		String chromium = chromium();
		installPackages();
		Map<String, String> all = new java.util.HashMap<>(environment);
		all.put("FLUX_CHROMIUM", chromium);
		all.put("FLUX_PLAYWRIGHT_OUTPUT", OUTPUT.toString());
		Result result = exec(List.of("npx", "--no-install", "playwright", "test"), all, 15);
		logger.info("Playwright:\n{}", result.output());
		if (result.exitCode() != 0) {
			throw new AssertionError("The browser test of the operator console failed (screenshots and traces in "
					+ OUTPUT + "):\n" + result.output());
		}
	}

	/** FLUX_CHROMIUM, else chromium on the PATH: the browser Playwright drives. */
	private static String chromium() {
		String configured = System.getenv("FLUX_CHROMIUM");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
			.flatMap((dir) -> Stream.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser")))
			.filter(Files::isExecutable)
			.map(Path::toString)
			.findFirst()
			.orElseThrow(() -> new AssertionError("Chromium is needed for the browser test of the operator console."
					+ " Install it: sudo apt-get install -y chromium (or point FLUX_CHROMIUM at a Chrome or Chromium binary)"));
	}

	/**
	 * npm ci when package-lock.json changed since the last install (stamped like
	 * tools/docs).
	 */
	private static void installPackages() throws IOException, InterruptedException {
		Path stamp = PROJECT.resolve("node_modules/.flux-lock");
		String lock = sha256(Files.readAllBytes(PROJECT.resolve("package-lock.json")));
		if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(lock)) {
			return;
		}
		Result install = exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"),
				Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"), 10);
		if (install.exitCode() != 0) {
			throw new AssertionError("npm ci failed in " + PROJECT + ":\n" + install.output());
		}
		Files.writeString(stamp, lock);
	}

	private static Result exec(List<String> command, Map<String, String> environment, int minutes)
			throws IOException, InterruptedException {
		Path log = Files.createTempFile("flux-playwright", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new AssertionError("Node.js and npm are needed for the browser test of the operator console ("
					+ command.get(0) + " did not start: " + ex.getMessage()
					+ "). Install them: sudo apt-get install -y nodejs npm", ex);
		}
		boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly().waitFor();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.delete(log);
		return new Result(finished ? process.exitValue() : -1,
				finished ? output : output + "\n(stopped after " + minutes + " min)");
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Result(int exitCode, String output) {
	}

}
