-- Where the steering answers' data came from and how fresh it is (issue 15 item 6): one row per
-- completed delivery of a source for a gemeente and wet: a CSV import, a batch of ingested messages,
-- or the demo world. `bijgewerkt_tot` is the date the delivery brings the source up to (the export's
-- stand, or the latest message's date); `bijgewerkt_op` is when it was stored.
CREATE TABLE aanlevering (
  id bigserial PRIMARY KEY,
  gemeente_code text NOT NULL CHECK (gemeente_code ~ '^[0-9]{4}$'),
  wet text NOT NULL CHECK (wet IN ('WMO', 'JEUGDWET')),
  -- What the delivery brings up to date: the toewijzingen (301) or the declaraties (303/323).
  bron text NOT NULL CHECK (bron IN ('TOEWIJZINGEN', 'DECLARATIES')),
  -- How it came in.
  kanaal text NOT NULL CHECK (kanaal IN ('CSV_IMPORT', 'BERICHT', 'DEMOWERELD')),
  bijgewerkt_tot date NOT NULL,
  bijgewerkt_op timestamptz NOT NULL DEFAULT now(),
  -- Lines or messages accepted in this delivery.
  aantal integer NOT NULL CHECK (aantal >= 0)
);

CREATE INDEX aanlevering_bron ON aanlevering (gemeente_code, wet, bron, bijgewerkt_tot);
