-- Wmo toewijzingen (iWmo 3.2 ToegewezenProduct, WMO301) of every gemeente this deployment serves.
-- Codes stay text with their leading zeros; money is integer eurocent.
CREATE TABLE toewijzing (
  gemeente_code      text    NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  -- iWmo ToewijzingNummer: unique per gemeente within the Wmo (retourcode 9332).
  toewijzingsnummer  text    NOT NULL,
  inwoner_id         text    NOT NULL CHECK (inwoner_id ~ '^[0-9a-f]{32}$'),
  -- WMO020 productcategorie 01-18.
  productcategorie   text    NOT NULL CHECK (productcategorie ~ '^(0[1-9]|1[0-8])$'),
  -- WMO021 or bilateral product code; its first two characters equal the categorie (rule S329).
  productcode        text    NOT NULL CHECK (left(productcode, 2) = productcategorie),
  aanbieder_agb      text    NOT NULL CHECK (aanbieder_agb ~ '^[0-9]{8}$'),
  contract_id        text    NOT NULL,
  product_id         text    NOT NULL,
  tarief_id          text    NOT NULL,
  volume             integer NOT NULL CHECK (volume >= 0),
  eenheid            text    NOT NULL,
  frequentie         text    NOT NULL,
  leveringsvorm      text    NOT NULL CHECK (leveringsvorm IN ('ZIN', 'PGB')),
  ingangsdatum       date    NOT NULL,
  einddatum          date    CHECK (einddatum IS NULL OR einddatum >= ingangsdatum),
  -- WMO588 reden beeindiging; only for a toewijzing that has ended.
  reden_beeindiging  text,
  -- Eigen bijdrage per maand in eurocent (abonnementstarief, geind door het CAK).
  eigen_bijdrage     integer NOT NULL DEFAULT 0 CHECK (eigen_bijdrage >= 0),
  PRIMARY KEY (gemeente_code, toewijzingsnummer)
);

CREATE INDEX toewijzing_inwoner_idx ON toewijzing (inwoner_id);
CREATE INDEX toewijzing_aanbieder_idx ON toewijzing (aanbieder_agb, gemeente_code, toewijzingsnummer);
CREATE INDEX toewijzing_categorie_idx ON toewijzing (gemeente_code, productcategorie);
CREATE INDEX toewijzing_periode_idx ON toewijzing (gemeente_code, ingangsdatum, einddatum);
