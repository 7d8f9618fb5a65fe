-- Enumeration-safe mode: a new address takes effect only when the link sent to it is used, so
-- an email change answers alike whether the address is free or taken. Such a token confirms a
-- change to the address it was sent to instead of verifying the current one.
ALTER TABLE email_verifications ADD COLUMN changes_email boolean NOT NULL DEFAULT false;
