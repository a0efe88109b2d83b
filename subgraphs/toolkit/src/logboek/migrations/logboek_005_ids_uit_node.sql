-- Issue 14: the verwerkingen's ids come with the records (schrijf-verwerkingen.ts, node:crypto randomUUID, a
-- cryptographically secure generator as gen_random_uuid is) instead of gen_random_uuid() per row. On PGlite
-- gen_random_uuid opens, reads and closes /dev/urandom for every row, through the WebAssembly file layer: about
-- a tenth of a Logboek write's CPU there. Otherwise as logboek_003 and logboek_004 made it.
CREATE OR REPLACE FUNCTION logboek_schrijf(verslagen jsonb) RETURNS void LANGUAGE plpgsql
  SET search_path FROM CURRENT SET plan_cache_mode = force_generic_plan AS $$ BEGIN
  WITH actor AS (
    INSERT INTO verwerking_actor (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip)
    SELECT a.id, a.trace_id, a.verzoek_id, a.organisatie, a.rollen, a.actor, a.tijdstip
    FROM jsonb_to_recordset(verslagen -> 'actoren')
      AS a (id uuid, trace_id text, verzoek_id text, organisatie text, rollen text[], actor text, tijdstip timestamptz)
    RETURNING id
  )
  INSERT INTO verwerking (id, trace_id, verzoek_id, span_id, verwerkingsactiviteit, betrokkene, betrokkene_soort, tijdstip, resultaat, actor_id)
  SELECT r.id, r.trace_id, r.verzoek_id, r.span_id, r.activiteit, r.betrokkene, r.soort, r.tijdstip, r.resultaat, actor.id
  FROM jsonb_to_recordset(verslagen -> 'regels')
    AS r (id uuid, actor_id uuid, trace_id text, verzoek_id text, span_id text, activiteit text, betrokkene text, soort text, tijdstip timestamptz, resultaat text)
  JOIN actor ON actor.id = r.actor_id
; END $$;
