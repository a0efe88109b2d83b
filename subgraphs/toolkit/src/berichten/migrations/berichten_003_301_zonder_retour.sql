-- A 301 of the gemeente's own backlog (docs/berichten.md "301 backlog") is received like the provider's
-- messages, but no retour goes out on it: its row keeps the retourcodes the caller got instead, so that
-- the same message again gets the same codes.
ALTER TABLE ontvangen_bericht ALTER COLUMN retour_id DROP NOT NULL;
ALTER TABLE ontvangen_bericht ADD COLUMN retourcodes text[];
ALTER TABLE ontvangen_bericht ADD CONSTRAINT ontvangen_bericht_antwoord CHECK (retour_id IS NOT NULL OR retourcodes IS NOT NULL);
