package dev.flux.system.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flux.system.harness.FluxSystem;

/**
 * Reads every table of a service's database (its own schema and the messaging schema of
 * common-events: outbox, inbox, dead letters) for rows that mention a value, whatever the
 * column type: text, JSON, UUID, arrays through the row's text, byte arrays byte for
 * byte. A scan of the whole database, not of the tables a test knows, so a table added
 * later cannot keep a deleted person unnoticed.
 */
final class Leftovers {

	private static final Set<String> SCHEMAS = Set.of("public", "flux_events");

	private final FluxSystem system;

	Leftovers(FluxSystem system) {
		this.system = system;
	}

	/**
	 * The rows of {@code service}'s database that contain {@code value} (case-insensitive
	 * for text), as {@code schema.table: row}.
	 */
	List<String> of(String service, String value) throws SQLException {
		List<String> found = new ArrayList<>();
		try (Connection connection = this.system.databases().connect(service)) {
			for (Map.Entry<String, List<String>> table : byteColumns(connection).entrySet()) {
				StringBuilder where = new StringBuilder("lower(t::text) LIKE '%' || lower(?) || '%'");
				for (String column : table.getValue()) {
					where.append(" OR position(convert_to(?, 'UTF8') in t.\"").append(column).append("\") > 0");
				}
				try (PreparedStatement query = connection
					.prepareStatement("SELECT t::text FROM " + table.getKey() + " t WHERE " + where)) {
					for (int parameter = 1; parameter <= table.getValue().size() + 1; parameter++) {
						query.setString(parameter, value);
					}
					try (ResultSet rows = query.executeQuery()) {
						while (rows.next()) {
							found.add(table.getKey() + ": " + rows.getString(1));
						}
					}
				}
			}
		}
		return found;
	}

	/** Every table of the scanned schemas with its bytea columns. */
	private static Map<String, List<String>> byteColumns(Connection connection) throws SQLException {
		Map<String, List<String>> tables = new LinkedHashMap<>();
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT c.table_schema, c.table_name, c.column_name, c.data_type
				FROM information_schema.columns c
				JOIN information_schema.tables t USING (table_schema, table_name)
				WHERE t.table_type = 'BASE TABLE' AND c.table_schema = ANY (?)
				ORDER BY c.table_schema, c.table_name, c.ordinal_position""")) {
			query.setArray(1, connection.createArrayOf("text", SCHEMAS.toArray()));
			try (ResultSet columns = query.executeQuery()) {
				while (columns.next()) {
					List<String> bytes = tables.computeIfAbsent(columns.getString(1) + "." + columns.getString(2),
							(table) -> new ArrayList<>());
					if (columns.getString(4).equals("bytea")) {
						bytes.add(columns.getString(3));
					}
				}
			}
		}
		return tables;
	}

}
