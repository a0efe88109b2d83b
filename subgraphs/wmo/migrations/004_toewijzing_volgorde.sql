-- Every list of toewijzingen is read in one order (toewijzing.sql.ts, ORDER): by gemeente, then the number
-- as a number (its length first). Without an index in that order a page of a gemeente's toewijzingen
-- sorted all of them first (found by test/sql-indexes.test.ts). The aanbieder's index gets the same order
-- after the aanbieder, for the pages of toewijzingen under each aanbieder.
CREATE INDEX toewijzing_volgorde_idx ON toewijzing (gemeente_code, length(toewijzingsnummer), toewijzingsnummer);
DROP INDEX toewijzing_aanbieder_idx;
CREATE INDEX toewijzing_aanbieder_idx ON toewijzing (aanbieder_agb, gemeente_code, length(toewijzingsnummer), toewijzingsnummer);
