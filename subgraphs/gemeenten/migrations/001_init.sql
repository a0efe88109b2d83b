-- The gemeenten subgraph: municipalities, regions, shared execution organisations, who executes
-- which law for whom (uitvoeringsarrangementen), Iv3 budgets and savings measures. All public data.

CREATE TABLE organisatie (
  id text PRIMARY KEY,
  naam text NOT NULL,
  soort text NOT NULL CHECK (soort IN ('GEMEENTE', 'UITVOERINGSORGANISATIE', 'REGIO', 'AANBIEDER')),
  -- Deferred: an organisation and the gemeente that houses it refer to each other through regio.
  vestiging_gemeente_code text
);

CREATE TABLE regio (
  code text PRIMARY KEY,
  naam text NOT NULL,
  organisatie_id text REFERENCES organisatie (id)
);

CREATE TABLE gemeente (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
  naam text NOT NULL,
  provincie text NOT NULL,
  inwoners integer NOT NULL CHECK (inwoners >= 0),
  inwoners_onder_18 integer NOT NULL CHECK (inwoners_onder_18 >= 0),
  huishoudens integer NOT NULL CHECK (huishoudens >= 0),
  grootteklasse text NOT NULL,
  regio_code text NOT NULL REFERENCES regio (code)
);
CREATE INDEX gemeente_regio_idx ON gemeente (regio_code);
CREATE INDEX gemeente_naam_idx ON gemeente (naam, code);

ALTER TABLE organisatie ADD CONSTRAINT organisatie_vestiging_fk
  FOREIGN KEY (vestiging_gemeente_code) REFERENCES gemeente (code) DEFERRABLE INITIALLY DEFERRED;

-- Membership as the region lists it; a gemeente can be in more than one region.
CREATE TABLE regio_gemeente (
  regio_code text NOT NULL REFERENCES regio (code),
  gemeente_code text NOT NULL REFERENCES gemeente (code),
  PRIMARY KEY (regio_code, gemeente_code)
);
CREATE INDEX regio_gemeente_gemeente_idx ON regio_gemeente (gemeente_code);

CREATE TABLE samenwerkingsverband (
  code text PRIMARY KEY,
  naam text NOT NULL,
  organisatie_id text NOT NULL REFERENCES organisatie (id)
);

CREATE TABLE samenwerkingsverband_gemeente (
  samenwerkingsverband_code text NOT NULL REFERENCES samenwerkingsverband (code),
  gemeente_code text NOT NULL REFERENCES gemeente (code),
  PRIMARY KEY (samenwerkingsverband_code, gemeente_code)
);
CREATE INDEX samenwerkingsverband_gemeente_gemeente_idx ON samenwerkingsverband_gemeente (gemeente_code);

-- geldig_tot is inclusive ("tot en met"); NULL means open-ended.
CREATE TABLE uitvoeringsarrangement (
  id text PRIMARY KEY,
  gemeente_code text NOT NULL REFERENCES gemeente (code),
  wet text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET', 'PARTICIPATIEWET')),
  rol text NOT NULL CHECK (rol IN ('TOEGANG', 'UITVOERING', 'INKOOP', 'CONTRACTBEHEER')),
  organisatie_id text NOT NULL REFERENCES organisatie (id),
  grondslag text NOT NULL
    CHECK (grondslag IN ('MANDAAT', 'GEMEENSCHAPPELIJKE_REGELING', 'DIENSTVERLENINGSOVEREENKOMST', 'EIGEN_ORGANISATIE')),
  geldig_van date NOT NULL,
  geldig_tot date,
  CHECK (geldig_tot IS NULL OR geldig_tot >= geldig_van)
);
CREATE INDEX uitvoeringsarrangement_gemeente_idx ON uitvoeringsarrangement (gemeente_code, wet, rol);
CREATE INDEX uitvoeringsarrangement_organisatie_idx ON uitvoeringsarrangement (organisatie_id);

-- Iv3 figures per gemeente, year and taakveld, in eurocent.
CREATE TABLE financieel_cijfer (
  gemeente_code text NOT NULL REFERENCES gemeente (code),
  jaar integer NOT NULL,
  taakveld text NOT NULL,
  begroting bigint NOT NULL,
  prognose bigint NOT NULL,
  realisatie bigint,
  PRIMARY KEY (gemeente_code, jaar, taakveld)
);

CREATE TABLE maatregel (
  id text PRIMARY KEY,
  naam text NOT NULL,
  niveau text NOT NULL CHECK (niveau IN ('LOKAAL_HBEL', 'REGIONAAL', 'LOKAAL')),
  wet text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET', 'PARTICIPATIEWET')),
  omschrijving text NOT NULL
);

CREATE TABLE maatregel_status (
  maatregel_id text NOT NULL REFERENCES maatregel (id),
  gemeente_code text NOT NULL REFERENCES gemeente (code),
  status text NOT NULL CHECK (status IN ('BESLOTEN', 'IN_VOORBEREIDING', 'GEIMPLEMENTEERD', 'NIET_VAN_TOEPASSING')),
  datum date,
  uitzondering text,
  PRIMARY KEY (maatregel_id, gemeente_code)
);
CREATE INDEX maatregel_status_gemeente_idx ON maatregel_status (gemeente_code);
