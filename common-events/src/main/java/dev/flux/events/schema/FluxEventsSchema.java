package dev.flux.events.schema;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the messaging tables (outbox, inbox, dead letters) into schema
 * {@code flux_events} of the service's database, with a Flyway history of their own, so
 * that they never mix with the service's migrations. Beans that use the tables depend on
 * this one.
 */
public final class FluxEventsSchema {

	/** The schema holding the messaging tables. */
	public static final String SCHEMA = "flux_events";

	private final MigrateResult result;

	public FluxEventsSchema(DataSource dataSource) {
		this.result = Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.createSchemas(true)
			.table("flux_events_schema_history")
			.locations("classpath:dev/flux/events/db/migration")
			.load()
			.migrate();
	}

	/** The schema version the tables are at. */
	public String version() {
		return String.valueOf(this.result.targetSchemaVersion);
	}

}
