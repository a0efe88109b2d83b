-- The toegang subgraph: residents (keyed by pseudonym), their households, hulpvragen (meldingen),
-- and the consulenten and teams of the toegang. The BSN is stored here and nowhere else (docs/security.md "Identity").

CREATE TABLE team (
  id              text PRIMARY KEY,
  naam            text NOT NULL,
  organisatie_id  text NOT NULL,
  doelgroep       text
);

CREATE TABLE consulent (
  id       text PRIMARY KEY,
  naam     text NOT NULL,
  team_id  text NOT NULL REFERENCES team (id)
);
CREATE INDEX consulent_team_idx ON consulent (team_id);

CREATE TABLE huishouden (
  id             text PRIMARY KEY,
  gemeente_code  text NOT NULL,
  samenstelling  text NOT NULL,
  postcode       text NOT NULL,
  huisnummer     integer NOT NULL
);
CREATE INDEX huishouden_gemeente_idx ON huishouden (gemeente_code);

CREATE TABLE inwoner (
  id             text PRIMARY KEY,
  bsn            text NOT NULL UNIQUE,
  gemeente_code  text NOT NULL,
  huishouden_id  text NOT NULL REFERENCES huishouden (id),
  voornaam       text NOT NULL,
  achternaam     text NOT NULL,
  geboortedatum  date NOT NULL,
  geslacht       text NOT NULL,
  consulent_id   text REFERENCES consulent (id)
);
CREATE INDEX inwoner_gemeente_idx ON inwoner (gemeente_code, id);
CREATE INDEX inwoner_huishouden_idx ON inwoner (huishouden_id);

CREATE TABLE melding (
  id             text PRIMARY KEY,
  inwoner_id     text NOT NULL REFERENCES inwoner (id),
  gemeente_code  text NOT NULL,
  wet            text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET', 'PARTICIPATIEWET')),
  soort          text NOT NULL CHECK (soort IN ('MELDING', 'ONDERZOEK', 'AANVRAAG')),
  datum          date NOT NULL,
  status         text NOT NULL CHECK (status IN ('OPEN', 'AFGEROND', 'TOEGEKEND', 'AFGEWEZEN')),
  consulent_id   text REFERENCES consulent (id),
  commentaar     text
);
CREATE INDEX melding_inwoner_idx ON melding (inwoner_id, wet);

-- The date ages are computed on: the demo world's peildatum when loaded, else today (one row at most).
CREATE TABLE peildatum (
  datum  date PRIMARY KEY
);
