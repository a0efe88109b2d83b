-- The message traffic of a subgraph that owns iWmo/iJw 3.2 messages (docs/berichten.md): what it
-- received (for duplicates by BerichtIdentificatie and to answer a repeat with the same retour) and
-- what it sends, listed for the receiver to collect.

CREATE TABLE uitgaand_bericht (
  id              bigserial PRIMARY KEY,
  wet             text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET')),
  berichtnummer   text NOT NULL CHECK (berichtnummer IN ('301', '306', '308', '316', '318', '319', '325')),
  -- A gemeente code for 301/319/325; for a retour the heenbericht's afzender (an AGB code), as its header has it.
  afzender        text NOT NULL,
  ontvanger       text NOT NULL,
  -- The gemeente and the aanbieder the message is between, whatever its direction: who may collect it.
  gemeente_code   text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  aanbieder_agb   text NOT NULL CHECK (aanbieder_agb ~ '^[0-9]{8}$'),
  identificatie   text NOT NULL,
  dagtekening     date NOT NULL,
  -- Makes producing idempotent: a mutation's client key or the heenbericht a retour answers.
  sleutel         text UNIQUE,
  -- AES-256-GCM of the XML (iv | tag | ciphertext): a 301 or 325 carries the BSN, which only toegang keeps readable.
  xml_versleuteld bytea NOT NULL,
  aangemaakt_op   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (wet, berichtnummer, afzender, identificatie)
);
CREATE INDEX uitgaand_bericht_aanbieder ON uitgaand_bericht (aanbieder_agb, id);
CREATE INDEX uitgaand_bericht_gemeente ON uitgaand_bericht (gemeente_code, id);

CREATE TABLE ontvangen_bericht (
  wet             text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET')),
  berichtnummer   text NOT NULL,
  afzender        text NOT NULL,
  identificatie   text NOT NULL,
  dagtekening     date NOT NULL,
  -- SHA-256 of the message text: the same message again gets the same answer and changes nothing.
  inhoud_hash     text NOT NULL,
  geaccepteerd    boolean NOT NULL,
  retour_id       bigint NOT NULL REFERENCES uitgaand_bericht (id),
  ontvangen_op    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (wet, berichtnummer, afzender, identificatie)
);
