package dev.flux.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks for words (a deleted user's names and addresses) in every column of every table
 * of a service's database, its messaging tables included: text, JSON and binary columns
 * alike, found through {@code information_schema} so that a table added later is scanned
 * too.
 */
public final class PersonalDataScan {

	private final JdbcTemplate jdbc;

	public PersonalDataScan(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Where the words occur, as {@code schema.table.column: word}; empty when nowhere.
	 * Text is searched ignoring case, binary columns for the exact UTF-8 bytes.
	 */
	public List<String> find(String... words) {
		List<Column> columns = this.jdbc.query("""
				SELECT c.table_schema, c.table_name, c.column_name, c.data_type
				FROM information_schema.columns c JOIN information_schema.tables t
				  ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
				ORDER BY 1, 2, c.ordinal_position""",
				(rs, row) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
		List<String> found = new ArrayList<>();
		for (Column column : columns) {
			for (String word : words) {
				Integer hits = this.jdbc.queryForObject(column.countQuery(), Integer.class, word);
				if (hits != null && hits > 0) {
					found.add(column + ": " + word);
				}
			}
		}
		return found;
	}

	/** All the scanned tables, as {@code schema.table}. */
	public List<String> tables() {
		return this.jdbc.queryForList("""
				SELECT table_schema || '.' || table_name FROM information_schema.tables
				WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
				ORDER BY 1""", String.class);
	}

	private record Column(String schema, String table, String name, String type) {

		String countQuery() {
			String column = quote(this.name);
			String matches = "bytea".equals(this.type) ? "position(convert_to(?, 'UTF8') in " + column + ") > 0"
					: "strpos(lower(" + column + "::text), lower(?)) > 0";
			return "SELECT count(*) FROM " + quote(this.schema) + "." + quote(this.table) + " WHERE " + matches;
		}

		private static String quote(String identifier) {
			return "\"" + identifier.replace("\"", "\"\"") + "\"";
		}

		@Override
		public String toString() {
			return (this.schema + "." + this.table + "." + this.name).toLowerCase(Locale.ROOT);
		}

	}

}
