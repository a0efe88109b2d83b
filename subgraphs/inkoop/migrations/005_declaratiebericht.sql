-- Declaraties received as iWmo/iJw 323 messages (docs/berichten.md "Declaraties"). A line of a 323 is a
-- `declaratie` row like one of the demo world or a CSV import, with what its 325 needs to name it again:
-- the declaratienummer, the ProductReferentie (unique per aanbieder within the law), the tariff as
-- declared, and the client's BSN, kept only encrypted (AES-256-GCM with a key derived from PSEUDONYM_SECRET)
-- for the 325; `inwoner_id` is its pseudonym. Rows of other sources leave these columns null.
ALTER TABLE declaratie ADD COLUMN declaratienummer text;
ALTER TABLE declaratie ADD COLUMN product_referentie text;
ALTER TABLE declaratie ADD COLUMN product_tarief bigint;
ALTER TABLE declaratie ADD COLUMN inwoner_id text;
ALTER TABLE declaratie ADD COLUMN bsn_versleuteld bytea;
-- The retourcode the back office rejected the line with (WJ001), null otherwise.
ALTER TABLE declaratie ADD COLUMN retourcode text;

CREATE UNIQUE INDEX declaratie_product_referentie ON declaratie (wet, aanbieder_agb, product_referentie) WHERE product_referentie IS NOT NULL;

-- One row per accepted 323: what a later 325 (the back office's decision) refers to.
CREATE TABLE declaratiebericht (
  wet text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET')),
  aanbieder_agb text NOT NULL,
  -- DeclaratieNummer: unique per aanbieder within the law (retourcode 9333).
  declaratienummer text NOT NULL,
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  identificatie text NOT NULL,
  dagtekening date NOT NULL,
  basisschema_xsd_versie text NOT NULL,
  bericht_xsd_versie text NOT NULL,
  periode_van date NOT NULL,
  periode_tot date NOT NULL,
  -- TotaalIngediendBedrag in eurocent, debet positive.
  totaal_ingediend bigint NOT NULL,
  PRIMARY KEY (wet, aanbieder_agb, declaratienummer)
);
