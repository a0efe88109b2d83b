-- Regional procurement: providers, contracts and their product catalogue, and the providers'
-- declarations (iWmo/iJw 323 shape). Money is integer eurocent; codes keep their leading zeros.
-- Ids and names that lists sort on are COLLATE "C": the same order (and so the same pages) on
-- PGlite and on any PostgreSQL server, whatever its locale.

CREATE TABLE aanbieder (
  agb_code text PRIMARY KEY CHECK (agb_code ~ '^[0-9]{8}$'),
  naam text COLLATE "C" NOT NULL,
  kvk_nummer text NOT NULL,
  vestigingsplaats text NOT NULL,
  soort text NOT NULL
);

CREATE INDEX aanbieder_naam ON aanbieder (naam);

CREATE TABLE contract (
  id text COLLATE "C" PRIMARY KEY,
  naam text COLLATE "C" NOT NULL,
  -- An organisation id of the gemeenten subgraph ("regio-gv", a CBS code); not ours to check.
  contractant_id text NOT NULL,
  aanbieder_agb text NOT NULL REFERENCES aanbieder (agb_code),
  wet text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET', 'PARTICIPATIEWET')),
  soort text NOT NULL CHECK (soort IN ('REGIONAAL', 'LOKAAL')),
  procedure text NOT NULL,
  bekostiging text NOT NULL CHECK (bekostiging IN ('PXQ', 'LUMPSUM', 'TAAKGERICHT')),
  looptijd_van date NOT NULL,
  looptijd_tot date,
  declaratietermijn_dagen integer NOT NULL,
  lumpsum_per_jaar bigint
);

CREATE INDEX contract_aanbieder ON contract (aanbieder_agb);
CREATE INDEX contract_contractant ON contract (contractant_id);

CREATE TABLE contract_gemeente (
  contract_id text NOT NULL REFERENCES contract (id),
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  PRIMARY KEY (contract_id, gemeente_code)
);

CREATE INDEX contract_gemeente_gemeente ON contract_gemeente (gemeente_code);

CREATE TABLE perceel (
  id text COLLATE "C" PRIMARY KEY,
  contract_id text NOT NULL REFERENCES contract (id),
  naam text COLLATE "C" NOT NULL
);

CREATE INDEX perceel_contract ON perceel (contract_id);

CREATE TABLE product (
  id text COLLATE "C" PRIMARY KEY,
  perceel_id text NOT NULL REFERENCES perceel (id),
  wet text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET', 'PARTICIPATIEWET')),
  productcategorie text NOT NULL,
  productcode text COLLATE "C" NOT NULL,
  naam text COLLATE "C" NOT NULL,
  eenheid text NOT NULL,
  frequentie text NOT NULL
);

CREATE INDEX product_perceel ON product (perceel_id);

CREATE TABLE tarief (
  id text COLLATE "C" PRIMARY KEY,
  product_id text NOT NULL REFERENCES product (id),
  bedrag bigint NOT NULL,
  eenheid text NOT NULL,
  geldig_van date NOT NULL,
  geldig_tot date
);

CREATE INDEX tarief_product ON tarief (product_id, geldig_van);

CREATE TABLE declaratie (
  id text COLLATE "C" PRIMARY KEY,
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  wet text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET', 'PARTICIPATIEWET')),
  -- Unique within gemeente and wet, owned by the wmo or jeugd subgraph (iWmo/iJw ToewijzingNummer).
  toewijzingsnummer text COLLATE "C" NOT NULL,
  aanbieder_agb text NOT NULL REFERENCES aanbieder (agb_code),
  productcategorie text NOT NULL,
  productcode text COLLATE "C" NOT NULL,
  levering_van date NOT NULL,
  levering_tot date NOT NULL,
  geleverd_volume numeric NOT NULL,
  eenheid text NOT NULL,
  bedrag bigint NOT NULL,
  ingediend_op date NOT NULL,
  status text NOT NULL CHECK (status IN ('INGEDIEND', 'GOEDGEKEURD', 'AFGEWEZEN', 'GECREDITEERD')),
  -- Deferred: the demo load may insert a correction before the declaration it replaces.
  correctie_van text REFERENCES declaratie (id) DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX declaratie_toewijzing ON declaratie (gemeente_code, toewijzingsnummer);
CREATE INDEX declaratie_aanbieder ON declaratie (aanbieder_agb, ingediend_op);
CREATE INDEX declaratie_ingediend ON declaratie (ingediend_op);
