-- The data version of toewijzing (issue 14): the reach per gemeente and quarter (toolkit bereik.ts) keeps the
-- counts it computed per version and computes again only when toewijzing has changed. A statement trigger
-- raises the version in the transaction of every write, whoever writes (mutations, message ingest, CSV
-- import, the demo load), so the version a snapshot sees belongs to the data it sees. Writers of toewijzing
-- take turns on the version's row until they commit; the trigger takes it before the statement touches a
-- row, so two writers of the same rows wait for each other rather than deadlock.
-- The migration runner splits statements at a semicolon that ends a line: inside the function a
-- semicolon starts the line instead.

CREATE TABLE gegevensversie (tabel text PRIMARY KEY, versie bigint NOT NULL DEFAULT 0);

INSERT INTO gegevensversie (tabel) VALUES ('toewijzing');

CREATE FUNCTION gegevensversie_verhogen() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE gegevensversie SET versie = versie + 1 WHERE tabel = TG_TABLE_NAME
  ; RETURN NULL
; END $$;

CREATE TRIGGER toewijzing_gegevensversie BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON toewijzing
  FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_verhogen();
