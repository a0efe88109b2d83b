-- Logboek Dataverwerkingen (Logius LDV): one row per processing activity per data subject read
-- in one request, never sampled. No user identity in `verwerking`: the actor is in the separate
-- audit record `verwerking_actor`, linked by id (LDV decision "geen gegevens over gebruikers").

CREATE TABLE verwerking_actor (
  id uuid PRIMARY KEY,
  trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$'),
  organisatie text NOT NULL,
  rollen text[] NOT NULL,
  -- Pseudonym of the caller (hash of the token's subject); never a name.
  actor text NOT NULL,
  tijdstip timestamptz NOT NULL
);

CREATE TABLE verwerking (
  id uuid PRIMARY KEY,
  trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$'),
  -- This subgraph's operation within the trace (LDV operation_id / span_id, 8 bytes).
  span_id text NOT NULL CHECK (span_id ~ '^[0-9a-f]{16}$'),
  -- Processing activity of the AVG art. 30 register ("wmo:toewijzing:lezen").
  verwerkingsactiviteit text NOT NULL,
  -- Pseudonymous subject: an Inwoner id; a huishouden (address data); a toewijzing where the data
  -- names no resident (declaraties).
  betrokkene text,
  betrokkene_soort text CHECK (betrokkene_soort IN ('inwoner', 'huishouden', 'toewijzing')),
  tijdstip timestamptz NOT NULL,
  resultaat text NOT NULL CHECK (resultaat IN ('geslaagd', 'mislukt')),
  actor_id uuid NOT NULL REFERENCES verwerking_actor (id),
  CHECK ((betrokkene IS NULL) = (betrokkene_soort IS NULL))
);

CREATE INDEX verwerking_trace ON verwerking (trace_id);
CREATE INDEX verwerking_betrokkene ON verwerking (betrokkene, tijdstip);
CREATE INDEX verwerking_tijdstip ON verwerking (tijdstip);
