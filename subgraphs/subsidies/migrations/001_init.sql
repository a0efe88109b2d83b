-- Subsidies aan voorveldpartners: verlening, vaststelling, budgetplafond, prestatieafspraken en
-- voorveldrapportages. Bedragen in eurocent. Geen persoonsgegevens: rapportages zijn altijd geaggregeerd.

CREATE TABLE subsidiepartner (
  id          text PRIMARY KEY,
  naam        text NOT NULL,
  kvk_nummer  text NOT NULL CHECK (kvk_nummer ~ '^[0-9]{8}$'),
  thema       text NOT NULL CHECK (thema IN ('WELZIJN', 'MANTELZORG', 'CJG', 'SPORT_EN_BEWEGEN', 'VRIJWILLIGERSWERK'))
);
CREATE INDEX subsidiepartner_thema ON subsidiepartner (thema);

CREATE TABLE subsidie (
  id             text PRIMARY KEY,
  partner_id     text NOT NULL REFERENCES subsidiepartner (id),
  gemeente_code  text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  jaar           integer NOT NULL,
  soort          text NOT NULL CHECK (soort IN ('BUDGETSUBSIDIE', 'PROJECTSUBSIDIE', 'WAARDERINGSSUBSIDIE')),
  aangevraagd    bigint NOT NULL CHECK (aangevraagd >= 0),
  verleend       bigint NOT NULL CHECK (verleend >= 0),
  vastgesteld    bigint CHECK (vastgesteld >= 0),
  budgetplafond  bigint NOT NULL CHECK (budgetplafond >= 0),
  status         text NOT NULL CHECK (status IN ('AANGEVRAAGD', 'VERLEEND', 'VASTGESTELD')),
  CHECK ((status = 'VASTGESTELD') = (vastgesteld IS NOT NULL))
);
CREATE INDEX subsidie_partner ON subsidie (partner_id, jaar);
CREATE INDEX subsidie_gemeente ON subsidie (gemeente_code, jaar);

CREATE TABLE prestatieafspraak (
  id            text PRIMARY KEY,
  subsidie_id   text NOT NULL REFERENCES subsidie (id),
  indicator     text NOT NULL,
  eenheid       text NOT NULL,
  afgesproken   integer NOT NULL CHECK (afgesproken >= 0),
  gerealiseerd  integer CHECK (gerealiseerd >= 0)
);
CREATE INDEX prestatieafspraak_subsidie ON prestatieafspraak (subsidie_id);

CREATE TABLE voorveldrapportage (
  id                 text PRIMARY KEY,
  partner_id         text NOT NULL REFERENCES subsidiepartner (id),
  gemeente_code      text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  jaar               integer NOT NULL,
  kwartaal           integer NOT NULL CHECK (kwartaal BETWEEN 1 AND 4),
  activiteit         text NOT NULL,
  aantal_deelnemers  integer NOT NULL CHECK (aantal_deelnemers >= 0),
  aantal_contacten   integer NOT NULL CHECK (aantal_contacten >= 0)
);
CREATE INDEX voorveldrapportage_partner ON voorveldrapportage (partner_id, jaar);
CREATE INDEX voorveldrapportage_gemeente ON voorveldrapportage (gemeente_code, jaar);
