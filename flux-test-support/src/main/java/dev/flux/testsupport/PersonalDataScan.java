package dev.flux.testsupport;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

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

	/** A scan over one open connection, which stays open. */
	public PersonalDataScan(Connection connection) {
		this(new SingleConnectionDataSource(connection, true));
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
		Map<String, List<Column>> tables = new LinkedHashMap<>();
		columns.forEach(
				(column) -> tables.computeIfAbsent(column.qualifiedTable(), (table) -> new ArrayList<>()).add(column));
		List<String> found = new ArrayList<>();
		for (List<Column> table : tables.values()) {
			// One pass over each table: a count per column and word.
			List<String> counts = new ArrayList<>();
			List<Object> parameters = new ArrayList<>();
			for (Column column : table) {
				for (String word : words) {
					counts.add("count(*) FILTER (WHERE " + column.matches() + ")");
					parameters.add(word);
				}
			}
			Column first = table.getFirst();
			List<Long> hits = this.jdbc.queryForObject(
					"SELECT " + String.join(", ", counts) + " FROM " + first.qualifiedTable(), (rs, row) -> {
						List<Long> values = new ArrayList<>();
						for (int i = 1; i <= counts.size(); i++) {
							values.add(rs.getLong(i));
						}
						return values;
					}, parameters.toArray());
			for (int c = 0; c < table.size(); c++) {
				for (int w = 0; w < words.length; w++) {
					if (hits.get(c * words.length + w) > 0) {
						found.add(table.get(c) + ": " + words[w]);
					}
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

		String qualifiedTable() {
			return quote(this.schema) + "." + quote(this.table);
		}

		/** The condition that the column holds the word given as a parameter. */
		String matches() {
			String column = quote(this.name);
			return "bytea".equals(this.type) ? "position(convert_to(?, 'UTF8') in " + column + ") > 0"
					: "strpos(lower(" + column + "::text), lower(?)) > 0";
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
