-- What the messages of the wmo and jeugd subgraphs record beside their toewijzingen (docs/berichten.md):
-- the delivery a provider reported (305 start, 307 stop) and the requests it made (315, 317), and the
-- last known client part of the messages (encrypted: it holds the BSN) for the 301 of a later change.

CREATE TABLE levering (
  wet               text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET')),
  gemeente_code     text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  toewijzingsnummer text NOT NULL,
  aanbieder_agb     text NOT NULL CHECK (aanbieder_agb ~ '^[0-9]{8}$'),
  -- 305 Begindatum; the key of a start within its toewijzing.
  begindatum        date NOT NULL,
  -- 307 Einddatum and RedenBeeindiging (WMO588 or JZ588 by wet); null while delivery runs.
  einddatum         date,
  reden_beeindiging text,
  bijgewerkt_op     date NOT NULL,
  PRIMARY KEY (wet, gemeente_code, toewijzingsnummer, begindatum),
  CHECK (einddatum IS NULL OR einddatum >= begindatum)
);

CREATE TABLE verzoek (
  wet                  text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET')),
  aanbieder_agb        text NOT NULL CHECK (aanbieder_agb ~ '^[0-9]{8}$'),
  -- Unique for the aanbieder within the law (retourcode 9347); the 319 answers by it.
  referentie_aanbieder text NOT NULL,
  gemeente_code        text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  berichtnummer        text NOT NULL CHECK (berichtnummer IN ('315', '317')),
  inwoner_id           text NOT NULL CHECK (inwoner_id ~ '^[0-9a-f]{32}$'),
  ontvangen_op         date NOT NULL,
  -- 317 RedenVerzoek; null for a 315.
  reden_verzoek        text,
  -- The requested product(s), dates, omvang and budget as the message has them (no BSN, no free text).
  aanvraag             jsonb NOT NULL,
  status               text NOT NULL DEFAULT 'ONTVANGEN' CHECK (status IN ('ONTVANGEN', 'IN_ONDERZOEK', 'TOEGEWEZEN', 'AFGEWEZEN')),
  PRIMARY KEY (wet, aanbieder_agb, referentie_aanbieder)
);
CREATE INDEX verzoek_gemeente ON verzoek (gemeente_code, status);

CREATE TABLE berichtclient (
  inwoner_id         text PRIMARY KEY CHECK (inwoner_id ~ '^[0-9a-f]{32}$'),
  -- AES-256-GCM of the client part (BSN, geboortedatum, geslacht, naam) as JSON, key as in uitgaand_bericht.
  client_versleuteld bytea NOT NULL,
  bijgewerkt_op      timestamptz NOT NULL DEFAULT now()
);
