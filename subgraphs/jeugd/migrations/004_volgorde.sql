-- Indexes in the order the lists are read (found by test/sql-indexes.test.ts): jeugdToewijzingen by
-- ingangsdatum (newest first), gemeente and number as a number (jeugd-toewijzing.sql.ts, ORDER), alone, per
-- productcategorie and per aanbieder; jeugdVerwijzingen by datum (newest first) and id (verwijzing.sql.ts).
-- Without them a page sorted every matching row first, and the productcategorie filter read the whole table.
CREATE INDEX toewijzing_volgorde ON toewijzing (ingangsdatum DESC, gemeente_code, length(toewijzingsnummer), toewijzingsnummer);
CREATE INDEX toewijzing_categorie_volgorde ON toewijzing (productcategorie, ingangsdatum DESC, gemeente_code, length(toewijzingsnummer), toewijzingsnummer);
DROP INDEX toewijzing_aanbieder;
CREATE INDEX toewijzing_aanbieder ON toewijzing (aanbieder_agb, ingangsdatum DESC, gemeente_code, length(toewijzingsnummer), toewijzingsnummer);
CREATE INDEX verwijzing_volgorde ON verwijzing (datum DESC, id);
