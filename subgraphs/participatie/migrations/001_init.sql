-- Participatiewet: bijstandsuitkeringen, re-integratie (incl. beschut werk), schuldhulpverlening en
-- minimaregelingen. Bedragen in eurocent. Elke rij hoort bij een gemeente (CBS-code) en een inwoner
-- (pseudoniem van toegang); rijfilters op gemeente_code volgen de mandaten (docs/mandates.md).

CREATE TABLE uitkering (
  id                 text PRIMARY KEY,
  inwoner_id         text NOT NULL,
  gemeente_code      text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  regeling           text NOT NULL CHECK (regeling IN ('ALGEMENE_BIJSTAND', 'IOAW', 'IOAZ', 'BBZ')),
  normcategorie      text NOT NULL CHECK (normcategorie IN ('ALLEENSTAANDE', 'ALLEENSTAANDE_OUDER', 'GEHUWDEN')),
  bedrag_per_maand   integer NOT NULL CHECK (bedrag_per_maand >= 0),
  ingangsdatum       date NOT NULL,
  einddatum          date CHECK (einddatum IS NULL OR einddatum >= ingangsdatum),
  reden_beeindiging  text CHECK (reden_beeindiging IN ('WERK', 'VERHUIZING', 'PENSIOEN', 'OVERIG'))
);
CREATE INDEX uitkering_inwoner ON uitkering (inwoner_id);
CREATE INDEX uitkering_gemeente ON uitkering (gemeente_code, ingangsdatum);

CREATE TABLE reintegratietraject (
  id             text PRIMARY KEY,
  inwoner_id     text NOT NULL,
  gemeente_code  text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  instrument     text NOT NULL
    CHECK (instrument IN ('WERKFIT', 'PARTICIPATIEPLEK', 'BESCHUT_WERK', 'JOBCOACHING', 'LOONKOSTENSUBSIDIE')),
  aanbieder_agb  text CHECK (aanbieder_agb ~ '^[0-9]{8}$'),
  startdatum     date NOT NULL,
  einddatum      date CHECK (einddatum IS NULL OR einddatum >= startdatum),
  resultaat      text NOT NULL CHECK (resultaat IN ('LOOPT', 'WERK_GEVONDEN', 'AFGEBROKEN', 'AFGEROND'))
);
CREATE INDEX reintegratietraject_inwoner ON reintegratietraject (inwoner_id);
CREATE INDEX reintegratietraject_gemeente ON reintegratietraject (gemeente_code, instrument);

CREATE TABLE schuldhulptraject (
  id                   text PRIMARY KEY,
  inwoner_id           text NOT NULL,
  gemeente_code        text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  fase                 text NOT NULL
    CHECK (fase IN ('AANMELDING', 'STABILISATIE', 'SCHULDREGELING', 'NAZORG', 'AFGESLOTEN')),
  startdatum           date NOT NULL,
  einddatum            date CHECK (einddatum IS NULL OR einddatum >= startdatum),
  schuldbedrag         bigint NOT NULL CHECK (schuldbedrag >= 0),
  aantal_schuldeisers  integer NOT NULL CHECK (aantal_schuldeisers >= 0)
);
CREATE INDEX schuldhulptraject_inwoner ON schuldhulptraject (inwoner_id);
CREATE INDEX schuldhulptraject_gemeente ON schuldhulptraject (gemeente_code, startdatum);

CREATE TABLE minimaregeling (
  id             text PRIMARY KEY,
  inwoner_id     text NOT NULL,
  gemeente_code  text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  regeling       text NOT NULL CHECK (regeling IN
    ('INDIVIDUELE_INKOMENSTOESLAG', 'BIJZONDERE_BIJSTAND', 'KINDPAKKET', 'COLLECTIEVE_ZORGVERZEKERING')),
  jaar           integer NOT NULL,
  bedrag         integer NOT NULL CHECK (bedrag >= 0)
);
CREATE INDEX minimaregeling_inwoner ON minimaregeling (inwoner_id);
CREATE INDEX minimaregeling_gemeente ON minimaregeling (gemeente_code, jaar);
