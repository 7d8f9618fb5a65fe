-- Marking a row published writes a new row version into every index of the table; the
-- created_at index served only the operators' replay by time range, which may scan instead.
-- Measured with ./flux bench events: one index fewer to maintain per published event.
DROP INDEX outbox_events_created_at;
