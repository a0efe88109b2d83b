-- Issue 14: one function that writes the records of several requests, the actor records and their
-- verwerkingen, all or none. PL/pgSQL keeps its statement's plan for the session, so a write costs
-- its execution, not a parse and plan of the long statement each time (on PGlite about half of a
-- write's CPU). `SET search_path FROM CURRENT`: the function writes into the tables of the schema it
-- was made in, whatever schema the connection points at when it is called (npm start's shared PGlite
-- calls several schemas' functions in one statement). `verslagen` is
-- {"actoren": [{id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip}],
--  "regels": [{actor_id, trace_id, verzoek_id, span_id, activiteit, betrokkene, soort, tijdstip, resultaat}]}
-- (schrijf-verwerkingen.ts); each regel names the actor record of its own request.
CREATE FUNCTION logboek_schrijf(verslagen jsonb) RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$ BEGIN
  WITH actor AS (
    INSERT INTO verwerking_actor (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip)
    SELECT a.id, a.trace_id, a.verzoek_id, a.organisatie, a.rollen, a.actor, a.tijdstip
    FROM jsonb_to_recordset(verslagen -> 'actoren')
      AS a (id uuid, trace_id text, verzoek_id text, organisatie text, rollen text[], actor text, tijdstip timestamptz)
    RETURNING id
  )
  INSERT INTO verwerking (id, trace_id, verzoek_id, span_id, verwerkingsactiviteit, betrokkene, betrokkene_soort, tijdstip, resultaat, actor_id)
  SELECT gen_random_uuid(), r.trace_id, r.verzoek_id, r.span_id, r.activiteit, r.betrokkene, r.soort, r.tijdstip, r.resultaat, actor.id
  FROM jsonb_to_recordset(verslagen -> 'regels')
    AS r (actor_id uuid, trace_id text, verzoek_id text, span_id text, activiteit text, betrokkene text, soort text, tijdstip timestamptz, resultaat text)
  JOIN actor ON actor.id = r.actor_id
; END $$;
