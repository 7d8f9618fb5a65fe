package dev.flux.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.flux.testsupport.FluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./flux} answers {@code --help} for every command without running it, and refuses
 * arguments a command does not take before it does anything: {@code ./flux reset --help}
 * once wiped {@code .flux/}.
 */
class LauncherTests {

	private static final Path ROOT = FluxInfrastructure.projectRoot();

	@TempDir
	Path fluxDir;

	/** Every command, as typed: tools/flux/commands/bench-auth.sh is "bench auth". */
	static List<String> commands() throws IOException {
		try (Stream<Path> files = Files.list(ROOT.resolve("tools/flux/commands"))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".sh"))
				.map((name) -> name.substring(0, name.length() - 3).replace('-', ' '))
				.sorted()
				.toList();
		}
	}

	@ParameterizedTest(name = "./flux {0} --help")
	@MethodSource("commands")
	void printsTheHelpOfEveryCommand(String command) throws Exception {
		Run help = flux(command + " --help");
		Run shortHelp = flux(command + " -h");
		Run helpCommand = flux("help " + command);

		assertThat(help.exitCode()).as(help.toString()).isZero();
		assertThat(help.out()).startsWith("usage: ./flux " + command);
		assertThat(shortHelp.out()).isEqualTo(help.out());
		assertThat(helpCommand.out()).isEqualTo(help.out());
	}

	@Test
	void listsEveryCommandInItsHelp() throws Exception {
		Run help = flux("help");

		assertThat(help.exitCode()).isZero();
		assertThat(commands()).isNotEmpty()
			.allSatisfy((command) -> assertThat(help.out()).contains("./flux " + command));
	}

	@Test
	void resetWithHelpOrAnUnknownArgumentWipesNothing() throws Exception {
		Path data = Files.writeString(this.fluxDir.resolve("keep.txt"), "data");

		Run help = flux("reset --help");
		Run unknown = flux("reset --force");

		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("usage: ./flux reset");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("usage: ./flux reset");
		assertThat(data).hasContent("data");
	}

	@ParameterizedTest(name = "./flux {0} --no-such-option")
	@MethodSource("commandsWithoutFreeArguments")
	void refusesAnUnknownOptionWithTheUsage(String command) throws Exception {
		Run run = flux(command + " --no-such-option");

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("usage: ./flux " + command);
		assertThat(this.fluxDir).isEmptyDirectory();
	}

	/**
	 * The commands but test and bench auth, whose arguments go to Maven and the service.
	 */
	static List<String> commandsWithoutFreeArguments() throws IOException {
		return commands().stream().filter((command) -> !List.of("test", "bench auth").contains(command)).toList();
	}

	@Test
	void refusesAnUnknownCommandAndListsTheSubcommandsOfAGroup() throws Exception {
		Run unknown = flux("no-such-command");
		Run group = flux("bench");
		Run groupHelp = flux("bench --help");

		assertThat(unknown.exitCode()).isNotZero();
		assertThat(unknown.err()).contains("unknown command 'no-such-command'");
		assertThat(group.exitCode()).isNotZero();
		assertThat(group.err()).contains("./flux bench auth", "./flux bench events");
		assertThat(groupHelp.exitCode()).isZero();
		assertThat(groupHelp.out()).startsWith("usage: ./flux bench").contains("./flux bench users");
	}

	private Run flux(String arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ROOT.resolve("flux").toString());
		command.addAll(List.of(arguments.split(" ")));
		ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
		builder.environment().put("FLUX_DIR", this.fluxDir.toString());
		Path out = Files.createTempFile("flux-out", ".txt");
		Path err = Files.createTempFile("flux-err", ".txt");
		try {
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("./flux " + arguments + " did not finish within 60 s");
			}
			return new Run(arguments, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	private record Run(String arguments, int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "./flux " + this.arguments + " exited " + this.exitCode + "\n" + this.out + this.err;
		}

	}

}
