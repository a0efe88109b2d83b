-- A toewijzingsnummer is an iWmo LDT_Nummer: an integer from 0 to 999 999 999, kept as its decimal text
-- (docs/berichten.md "Identifiers"). NOT VALID: rows of an older demo world keep their old form until reloaded.
ALTER TABLE toewijzing ADD CONSTRAINT toewijzing_toewijzingsnummer_ldt_nummer CHECK (toewijzingsnummer ~ '^(0|[1-9][0-9]{0,8})$') NOT VALID;
