package dev.flux.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.flux.testsupport.FluxInfrastructure;
import dev.flux.testsupport.FluxInfrastructure.Endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each service owns its database: its login role opens its own database and is refused by
 * the others', on servers provisioned by deploy/postgres/init-flux-databases.sh.
 */
class DatabaseIsolationTests {

	private static final List<String> DATABASES = List.of("flux_auth", "flux_user", "flux_notification", "flux_chat");

	static Stream<Arguments> otherServicesDatabases() {
		return DATABASES.stream()
			.flatMap((role) -> DATABASES.stream().filter((db) -> !db.equals(role)).map((db) -> Arguments.of(role, db)));
	}

	@ParameterizedTest(name = "{0} opens {0}")
	@MethodSource("dev.flux.system.DatabaseIsolationTests#roles")
	void roleOpensItsOwnDatabase(String role) throws SQLException {
		try (Connection connection = connect(role, role)) {
			assertThat(connection.getCatalog()).isEqualTo(role);
			connection.createStatement().execute("CREATE TEMP TABLE isolation_check (id int)");
		}
	}

	@ParameterizedTest(name = "{0} is refused by {1}")
	@MethodSource("otherServicesDatabases")
	void roleIsRefusedByAnotherServicesDatabase(String role, String database) {
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(role, database).close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("42501"))
			.withMessageContaining("permission denied for database \"" + database + "\"");
	}

	@ParameterizedTest(name = "{0} cannot create databases or roles")
	@MethodSource("dev.flux.system.DatabaseIsolationTests#roles")
	void roleHasNoAdministrativeRights(String role) throws SQLException {
		try (Connection connection = connect(role, role)) {
			var result = connection.createStatement()
				.executeQuery("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user");
			assertThat(result.next()).isTrue();
			assertThat(List.of(result.getBoolean(1), result.getBoolean(2), result.getBoolean(3))).containsOnly(false);
		}
	}

	static Stream<String> roles() {
		return DATABASES.stream();
	}

	private static Connection connect(String role, String database) throws SQLException {
		Endpoint postgres = FluxInfrastructure.postgres();
		String url = "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database;
		return DriverManager.getConnection(url, role, password(role));
	}

	/** The role's password as deploy/postgres/init-flux-databases.sh sets it. */
	private static String password(String role) {
		String variable = "FLUX_" + role.substring("flux_".length()).toUpperCase() + "_DB_PASSWORD";
		String password = System.getenv(variable);
		return (password != null) ? password : role;
	}

}
