-- The relay reads every envelope back as text and never queries inside it; json keeps the text as
-- written, so neither the append (no jsonb parse into binary) nor the relay (no jsonb to text)
-- pays a conversion. Measured with ./flux bench events.
ALTER TABLE outbox_events ALTER COLUMN envelope TYPE json USING envelope::json;
