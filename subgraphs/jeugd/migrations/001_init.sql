-- Jeugdhulp under the Jeugdwet: referrals (verwijzingen), trajectories and toewijzingen (iJw 301).
-- Codes stay text with their leading zeros; the code lists themselves live in the toolkit.

-- The date up to which the data is complete: durations of running trajectories count up to it.
CREATE TABLE stand (
  peildatum date NOT NULL
);

CREATE TABLE verwijzing (
  id text PRIMARY KEY,
  inwoner_id text NOT NULL,
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  -- COD327 type verwijzer
  verwijzer_type text NOT NULL,
  verwijzer_naam text,
  datum date NOT NULL
);
CREATE INDEX verwijzing_inwoner ON verwijzing (inwoner_id);
CREATE INDEX verwijzing_gemeente_datum ON verwijzing (gemeente_code, datum);

CREATE TABLE traject (
  id text PRIMARY KEY,
  inwoner_id text NOT NULL,
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  startdatum date NOT NULL,
  einddatum date,
  herhaald_beroep boolean NOT NULL,
  CHECK (einddatum IS NULL OR einddatum >= startdatum)
);
CREATE INDEX traject_inwoner ON traject (inwoner_id);

CREATE TABLE toewijzing (
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  -- iJw ToewijzingNummer: unique per gemeente within the Jeugdwet
  toewijzingsnummer text NOT NULL,
  inwoner_id text NOT NULL,
  -- JZ020 productcategorie, JZ21 productcode (first two characters equal the categorie, rule S329)
  productcategorie text NOT NULL CHECK (productcategorie ~ '^(3[1-8]|4[0-9]|5[0-5])$'),
  productcode text CHECK (productcode IS NULL OR left(productcode, 2) = productcategorie),
  aanbieder_agb text NOT NULL CHECK (aanbieder_agb ~ '^[0-9]{8}$'),
  contract_id text NOT NULL,
  tarief_id text NOT NULL,
  -- Omvang (WJ756 eenheid, WMO757 frequentie); absent for an aspecific toewijzing
  volume integer CHECK (volume >= 0),
  eenheid text,
  frequentie text,
  -- "ZIN" or "PGB"
  leveringsvorm text NOT NULL CHECK (leveringsvorm IN ('ZIN', 'PGB')),
  ingangsdatum date NOT NULL,
  einddatum date,
  -- JZ588 reden beeindiging (not WMO588: code 31 differs)
  reden_beeindiging text,
  verwijzing_id text REFERENCES verwijzing (id),
  traject_id text REFERENCES traject (id),
  PRIMARY KEY (gemeente_code, toewijzingsnummer),
  CHECK (einddatum IS NULL OR einddatum >= ingangsdatum)
);
CREATE INDEX toewijzing_inwoner ON toewijzing (inwoner_id);
CREATE INDEX toewijzing_aanbieder ON toewijzing (aanbieder_agb);
CREATE INDEX toewijzing_verwijzing ON toewijzing (verwijzing_id);
CREATE INDEX toewijzing_traject ON toewijzing (traject_id);
CREATE INDEX toewijzing_gemeente_ingang ON toewijzing (gemeente_code, ingangsdatum);
