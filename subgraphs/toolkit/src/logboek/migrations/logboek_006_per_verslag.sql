-- Issue 14: a Logboek write costs less per verwerking. Measured on PGlite (scripts/measure-logboek-write.ts, blocks
-- alternating): the foreign key's check, one trigger and one lookup query per verwerking row, was about a sixth of
-- a write; the records' JSON, which repeated each request's trace id, verzoek id, span id, time and result on
-- every verwerking, was parsed whole before a row was written.
--
-- The records now come per request (schrijf-verwerkingen.ts): `verslagen` is
-- [{id, trace_id, verzoek_id, span_id, organisatie, rollen, actor, tijdstip, resultaat,
--   regels: [[id, activiteit, betrokkene, soort], ...]}], one object per request, its verwerkingen inside it.
--
-- The foreign key verwerking.actor_id -> verwerking_actor.id goes; what it guaranteed is kept:
-- - a verwerking names an actor record that exists: logboek_schrijf, the only writer, inserts each verwerking
--   from a row of the actor records that the same statement inserted (the RETURNING rows of `actor`, joined
--   on their id), in the same statement, so both are stored or neither. No verwerking is written otherwise.
-- - an actor record that verwerkingen name is not removed or renumbered: the statement triggers below refuse a
--   DELETE or UPDATE of verwerking_actor, or an UPDATE of verwerking, that would leave a verwerking without
--   its actor record, and a TRUNCATE of verwerking_actor while verwerkingen exist (as the key refused those).
--   They run once per such statement, never on a write.
ALTER TABLE verwerking DROP CONSTRAINT verwerking_actor_id_fkey;

CREATE OR REPLACE FUNCTION logboek_schrijf(verslagen jsonb) RETURNS void LANGUAGE plpgsql
  SET search_path FROM CURRENT SET plan_cache_mode = force_generic_plan AS $$ BEGIN
  WITH verslag AS (
    SELECT * FROM jsonb_to_recordset(verslagen)
      AS v (id uuid, trace_id text, verzoek_id text, span_id text, organisatie text, rollen text[], actor text, tijdstip timestamptz, resultaat text, regels jsonb)
  ), actor AS (
    INSERT INTO verwerking_actor (id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip)
    SELECT id, trace_id, verzoek_id, organisatie, rollen, actor, tijdstip FROM verslag
    RETURNING id, trace_id, verzoek_id, tijdstip
  )
  INSERT INTO verwerking (id, trace_id, verzoek_id, span_id, verwerkingsactiviteit, betrokkene, betrokkene_soort, tijdstip, resultaat, actor_id)
  SELECT (regel ->> 0)::uuid, actor.trace_id, actor.verzoek_id, verslag.span_id, regel ->> 1, regel ->> 2, regel ->> 3, actor.tijdstip, verslag.resultaat, actor.id
  FROM actor JOIN verslag ON verslag.id = actor.id CROSS JOIN LATERAL jsonb_array_elements(verslag.regels) AS regel
; END $$;

CREATE FUNCTION logboek_actor_blijft() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$ BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    IF EXISTS (SELECT FROM verwerking) THEN RAISE EXCEPTION 'verwerking_actor wordt door verwerkingen genoemd' USING ERRCODE = 'foreign_key_violation'
    ; END IF
  ; ELSIF TG_TABLE_NAME = 'verwerking_actor' THEN
    IF EXISTS (SELECT FROM verwerking v JOIN oud ON v.actor_id = oud.id WHERE NOT EXISTS (SELECT FROM verwerking_actor a WHERE a.id = v.actor_id)) THEN
      RAISE EXCEPTION 'een verwerking zou haar actorrecord verliezen' USING ERRCODE = 'foreign_key_violation'
    ; END IF
  ; ELSIF EXISTS (SELECT FROM nieuw n WHERE NOT EXISTS (SELECT FROM verwerking_actor a WHERE a.id = n.actor_id)) THEN
    RAISE EXCEPTION 'een verwerking zonder actorrecord' USING ERRCODE = 'foreign_key_violation'
  ; END IF
  ; RETURN NULL
; END $$;

CREATE TRIGGER verwerking_actor_verwijderd AFTER DELETE ON verwerking_actor
  REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION logboek_actor_blijft();
CREATE TRIGGER verwerking_actor_gewijzigd AFTER UPDATE ON verwerking_actor
  REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION logboek_actor_blijft();
CREATE TRIGGER verwerking_actor_geleegd BEFORE TRUNCATE ON verwerking_actor
  FOR EACH STATEMENT EXECUTE FUNCTION logboek_actor_blijft();
CREATE TRIGGER verwerking_gewijzigd AFTER UPDATE ON verwerking
  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION logboek_actor_blijft();
