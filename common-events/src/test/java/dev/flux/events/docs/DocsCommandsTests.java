package dev.flux.events.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shell command README.md and docs/*.md show (in {@code bash}/{@code sh} blocks,
 * and inline {@code ./flux ...}) is one that works, so none rots: a {@code ./flux}
 * command that the launcher dispatches and lists in its usage; a {@code curl} to a
 * service whose exported OpenAPI document has that method and path, to a service's
 * {@code /livez} or {@code /readyz}, or to a management port {@code ./flux up} sets for
 * an actuator endpoint that service exposes; a {@code psql} that uses the role, port and
 * socket directory {@code ./flux up} creates and whose {@code UPDATE} or {@code DELETE}
 * has a {@code WHERE}; a {@code kubectl} that installs one of the operators
 * deploy/kubernetes needs, or names only objects its manifests define, in the namespace
 * they use. Any other command fails this test until a rule or a test covers it.
 */
class DocsCommandsTests {

	private static final Pattern FENCE = Pattern.compile("```(bash|sh|shell|console)\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern INLINE_FLUX = Pattern.compile("`(\\./flux [^`]*)`");

	private static final Map<String, String> SERVICES = Map.of("8081", "auth-service", "8082", "user-service", "8083",
			"notification-service", "8084", "chat-service");

	/**
	 * Where the operators deploy/kubernetes builds on are released (docs/deployment.md).
	 */
	private static final List<String> OPERATOR_RELEASES = List.of("https://github.com/rabbitmq/cluster-operator/",
			"https://github.com/rabbitmq/messaging-topology-operator/", "https://github.com/cert-manager/cert-manager/",
			"https://raw.githubusercontent.com/cloudnative-pg/cloudnative-pg/");

	private static final Path KUBERNETES = FluxDocs.ROOT.resolve("deploy/kubernetes");

	/** The launcher and its library: where ./flux's settings and defaults are read. */
	private static final String FLUX = launcher();

	private static final Path COMMANDS = FluxDocs.ROOT.resolve("tools/flux/commands");

	@Test
	void everyDocumentedCommandIsOneThatWorks() {
		List<String> problems = new ArrayList<>();
		List<Command> commands = commands();
		for (Command command : commands) {
			String problem = check(command.line());
			if (problem != null) {
				problems.add(command.file() + ": " + command.line() + "\n    " + problem);
			}
		}
		assertThat(commands).as("commands found").hasSizeGreaterThan(10);
		assertThat(problems).as("commands in the docs that would not work").isEmpty();
	}

	@Test
	void everyUpdateOrDeleteTheDocsShowNamesItsRows() {
		List<String> unbounded = new ArrayList<>();
		Pattern statement = Pattern.compile("(?is)\\b(UPDATE\\s+[\\w.]+\\s+SET|DELETE\\s+FROM)\\b[^`\"]*");
		for (Path file : documents()) {
			Matcher matcher = statement.matcher(FluxDocs.read(file));
			while (matcher.find()) {
				if (!matcher.group().matches("(?is).*\\bWHERE\\b.*")) {
					unbounded.add(FluxDocs.ROOT.relativize(file) + ": " + matcher.group());
				}
			}
		}
		assertThat(unbounded).as("statements that change every row").isEmpty();
	}

	@Test
	void findsWhatIsWrongWithACommand() {
		assertThat(check("./flux deploy")).contains("no such ./flux command");
		assertThat(check("./flux bench everything")).contains("no such ./flux command");
		assertThat(check("curl -s -X POST localhost:8081/admin/nothing")).contains("no POST /admin/nothing");
		assertThat(check("curl -s localhost:9083/actuator/prometheus")).isNull();
		assertThat(check("curl -s localhost:8083/readyz")).isNull();
		assertThat(check("curl -s localhost:9082/actuator/env")).contains("exposes no /actuator/env");
		assertThat(check("psql -h 127.0.0.1 -p 55432 -U flux_admin flux_auth -c \"SELECT 1\"")).contains("socket");
		assertThat(check(
				"psql -h \"$PWD/.flux/up/postgres/run\" -p 55432 -U flux_admin flux_auth -c \"UPDATE users SET roles = 'USER ADMIN'\""))
			.contains("WHERE");
		assertThat(check("rm -rf /")).contains("no rule");
		assertThat(check("kubectl apply -f https://example.com/anything.yaml")).contains("none of the operators");
		assertThat(check("kubectl -n flux port-forward deployment/no-such-service 8081:8081")).contains("no manifest");
		assertThat(check("kubectl -n flux port-forward deployment/auth-service 8082:8082"))
			.contains("not auth-service");
		assertThat(check("kubectl -n default get pods")).contains("namespaces");
		assertThat(check("./flux bench auth --flux.auth.hashing.concurrency=2")).isNull();
		assertThat(check("curl -s -H \"$AUTH\" 'localhost:8082/admin/dead-letters?status=ALL'")).isNull();
	}

	private static List<Command> commands() {
		List<Command> commands = new ArrayList<>();
		for (Path file : documents()) {
			String text = FluxDocs.read(file);
			String name = FluxDocs.ROOT.relativize(file).toString();
			Matcher fence = FENCE.matcher(text);
			while (fence.find()) {
				for (String line : fence.group(2).replace("\\\n", " ").split("\n")) {
					String command = withoutComment(line).strip();
					if (!command.isEmpty()) {
						commands.add(new Command(name, command));
					}
				}
			}
			Matcher inline = INLINE_FLUX.matcher(text);
			while (inline.find()) {
				commands.add(new Command(name, inline.group(1)));
			}
		}
		return commands;
	}

	private static List<Path> documents() {
		try (Stream<Path> docs = Files.list(FluxDocs.DOCS)) {
			List<Path> files = new ArrayList<>(List.of(FluxDocs.ROOT.resolve("README.md")));
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(files::add);
			return files;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** What is wrong with a command, or null when a rule covers it. */
	static String check(String line) {
		String command = line;
		Matcher substitution = Pattern.compile("^[A-Z_]+=\\$\\((.*)\\)$").matcher(command);
		if (substitution.matches()) {
			command = substitution.group(1);
		}
		else if (command.matches("^[A-Z_]+=\"[^\"$]*(\\$[A-Z_]+[^\"]*)?\"$")) {
			return null;
		}
		command = command.split(" \\| ")[0].strip();
		if (command.startsWith("./flux")) {
			return checkFlux(command);
		}
		if (command.startsWith("curl ")) {
			return checkCurl(command);
		}
		if (command.startsWith("psql ")) {
			return checkPsql(command);
		}
		if (command.startsWith("kubectl ")) {
			return checkKubectl(command);
		}
		return "no rule covers this command: add one here, or a test that runs it";
	}

	private static String checkFlux(String command) {
		String[] words = command.split("\\s+");
		String name = null;
		if (words.length > 2 && Files.exists(COMMANDS.resolve(words[1] + "-" + words[2] + ".sh"))) {
			name = words[1] + " " + words[2];
		}
		else if (words.length > 1 && Files.exists(COMMANDS.resolve(words[1] + ".sh"))) {
			name = words[1];
		}
		else if (words.length == 1 || words[1].equals("help")) {
			name = "help";
		}
		if (name == null) {
			return "no such ./flux command: no file for it in tools/flux/commands/";
		}
		String help = help(name);
		return help.startsWith("usage: ./flux ") || name.equals("help") ? null
				: "./flux " + name + " --help did not answer its usage: " + help;
	}

	/**
	 * What {@code ./flux <command> --help} prints, which runs nothing but the dispatcher.
	 */
	private static String help(String command) {
		List<String> arguments = new ArrayList<>(List.of("bash", FluxDocs.ROOT.resolve("flux").toString()));
		arguments.addAll(List.of(command.split(" ")));
		arguments.add("--help");
		try {
			Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			return (process.waitFor() == 0) ? output : "exit " + process.exitValue() + ": " + output;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String launcher() {
		StringBuilder text = new StringBuilder(FluxDocs.read(FluxDocs.ROOT.resolve("flux")));
		try (Stream<Path> files = Files.walk(FluxDocs.ROOT.resolve("tools/flux"))) {
			files.filter((file) -> file.toString().endsWith(".sh"))
				.sorted()
				.forEach((file) -> text.append('\n').append(FluxDocs.read(file)));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return text.toString();
	}

	private static String checkKubectl(String command) {
		Matcher install = Pattern.compile("^kubectl apply (?:--server-side )?-f (\\S+)$").matcher(command);
		if (install.matches()) {
			String url = install.group(1);
			return OPERATOR_RELEASES.stream().anyMatch(url::startsWith) ? null
					: "installs " + url + ", which is none of the operators deploy/kubernetes needs";
		}
		if (!command.matches("^kubectl -n (flux|cert-manager) .*")) {
			return "a kubectl outside the namespaces deploy/kubernetes uses (flux, cert-manager)";
		}
		String manifests = manifests();
		Matcher named = Pattern
			.compile("(?:deployment/|svc/|hpa |cnpg\\.io/cluster=)([a-z0-9-]+)|\\b(flux-rabbitmq)-server-\\d")
			.matcher(command);
		while (named.find()) {
			String name = (named.group(1) != null) ? named.group(1) : named.group(2);
			if (!manifests.contains("name: " + name + "\n")) {
				return "names " + name + ", which no manifest under deploy/kubernetes defines";
			}
		}
		Matcher forward = Pattern.compile("port-forward deployment/([a-z-]+) (\\d+):(\\d+)").matcher(command);
		if (forward.find() && !forward.group(1).equals(SERVICES.get(forward.group(3)))) {
			return "forwards to port " + forward.group(3) + ", which is not " + forward.group(1) + "'s";
		}
		return null;
	}

	private static String manifests() {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.walk(KUBERNETES)) {
			files.filter((file) -> file.toString().endsWith(".yaml"))
				.sorted()
				.forEach((file) -> text.append(FluxDocs.read(file)).append('\n'));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return text.toString();
	}

	private static String checkCurl(String command) {
		Matcher target = Pattern.compile("(?:https?://)?localhost:(\\d+)(/[^\\s'\"?]*)").matcher(command);
		if (!target.find()) {
			return "a curl to no service of ./flux up";
		}
		if (target.group(1).matches("808[1-4]") && target.group(2).matches("/(livez|readyz)")) {
			return null;
		}
		Matcher management = Pattern
			.compile(
					"(?m)^\\s*([a-z]+-service)\\) echo \"\\$\\{FLUX_[A-Z]+_MANAGEMENT_PORT:-" + target.group(1) + "}\"")
			.matcher(FLUX);
		if (management.find()) {
			return checkActuator(management.group(1), target.group(2));
		}
		String service = SERVICES.get(target.group(1));
		if (service == null) {
			return "port " + target.group(1) + " is no service with an OpenAPI document in docs/openapi/";
		}
		Matcher explicit = Pattern.compile("-X\\s+([A-Z]+)").matcher(command);
		String method = explicit.find() ? explicit.group(1) : (command.contains(" -d ") ? "POST" : "GET");
		String path = target.group(2);
		JsonNode paths = new JsonMapper().readTree(FluxDocs.read(FluxDocs.DOCS.resolve("openapi/" + service + ".json")))
			.path("paths");
		for (Map.Entry<String, JsonNode> documented : paths.properties()) {
			String pattern = documented.getKey().replaceAll("\\{[^}]+}", "[^/]+");
			if (path.matches(pattern) && documented.getValue().has(method.toLowerCase(java.util.Locale.ROOT))) {
				return null;
			}
		}
		return "docs/openapi/" + service + ".json has no " + method + " " + path;
	}

	/**
	 * A curl to a service's management port: the path must be an actuator endpoint its
	 * application.yml exposes.
	 */
	private static String checkActuator(String service, String path) {
		Matcher endpoint = Pattern.compile("^/actuator/([a-z]+)(/.*)?$").matcher(path);
		Matcher exposed = Pattern.compile("(?m)^\\s+include: (.+)$")
			.matcher(FluxDocs.read(FluxDocs.ROOT.resolve(service + "/src/main/resources/application.yml")));
		if (!endpoint.matches() || !exposed.find()
				|| !List.of(exposed.group(1).strip().split("\\s*,\\s*")).contains(endpoint.group(1))) {
			return service + "'s management port exposes no " + path;
		}
		return null;
	}

	private static String checkPsql(String command) {
		Set<String> missing = new LinkedHashSet<>();
		String admin = value("PG_ADMIN");
		String port = value("UP_PG_PORT");
		if (!command.contains("-U " + admin)) {
			missing.add("the role ./flux creates (-U " + admin + ")");
		}
		if (!command.contains("-p " + port)) {
			missing.add("the port of ./flux up (-p " + port + ")");
		}
		if (!command.contains("-h \"$PWD/.flux/up/postgres/run\"") || !FLUX.contains("pg_start up ")
				|| !FLUX.contains("--auth-local=trust") || !FLUX.contains("-k $dir/run")) {
			missing.add("the local socket ./flux up listens on, where its admin role needs no password"
					+ " (-h \"$PWD/.flux/up/postgres/run\")");
		}
		Matcher sql = Pattern.compile("-c \"([^\"]*)\"").matcher(command);
		if (sql.find() && sql.group(1).matches("(?is)\\s*(UPDATE|DELETE)\\b.*")
				&& !sql.group(1).matches("(?is).*\\bWHERE\\b.*")) {
			missing.add("a WHERE in its UPDATE or DELETE (it would change every row)");
		}
		return missing.isEmpty() ? null : "psql without " + String.join(", ", missing);
	}

	/** A variable's default in flux: {@code NAME=value} or {@code NAME="${X:-value}"}. */
	private static String value(String variable) {
		Matcher matcher = Pattern.compile("(?m)^" + variable + "=\"?(?:\\$\\{[A-Z_]+:-)?([^}\"\\s]+)").matcher(FLUX);
		assertThat(matcher.find()).as(variable + " in flux").isTrue();
		return matcher.group(1);
	}

	private static String withoutComment(String line) {
		boolean single = false;
		boolean dbl = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\'' && !dbl) {
				single = !single;
			}
			else if (c == '"' && !single) {
				dbl = !dbl;
			}
			else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
				return line.substring(0, i);
			}
		}
		return line;
	}

	private record Command(String file, String line) {
	}

}
