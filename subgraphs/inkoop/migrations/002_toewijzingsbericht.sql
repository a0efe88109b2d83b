-- The toewijzingen the region's contract management follows its commitments with: each toewijzing
-- (iWmo/iJw 301) the gemeente sent to the aanbieder in natura, without the resident (inkoop needs
-- no person for this). Ids and codes that lists sort on are COLLATE "C", as in 001_init.sql.

CREATE TABLE toewijzingsbericht (
  -- Unique within gemeente and wet, owned by the wmo or jeugd subgraph (iWmo/iJw ToewijzingNummer).
  toewijzingsnummer text COLLATE "C" NOT NULL,
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  wet text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET')),
  aanbieder_agb text NOT NULL REFERENCES aanbieder (agb_code),
  productcategorie text NOT NULL,
  productcode text COLLATE "C" NOT NULL,
  -- The tariff valid on the ingangsdatum; later months take the tariff of the same product valid then.
  tarief_id text NOT NULL REFERENCES tarief (id),
  -- Omvang: volume per frequentie (WMO757) in the eenheid (WJ756).
  volume integer NOT NULL CHECK (volume >= 0),
  eenheid text NOT NULL,
  frequentie text NOT NULL CHECK (frequentie IN ('1', '2', '4', '6')),
  ingangsdatum date NOT NULL,
  -- Inclusive, as in the 301; null while open-ended.
  einddatum date,
  PRIMARY KEY (gemeente_code, wet, toewijzingsnummer)
);

CREATE INDEX toewijzingsbericht_aanbieder ON toewijzingsbericht (aanbieder_agb);

-- The date up to which the data is complete (one row at most): months that ended before it are
-- delivered; without a row, today.
CREATE TABLE stand (
  peildatum date NOT NULL
);
