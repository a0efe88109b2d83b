-- The version of the figures financienVergelijking compares with (003) moves to the toolkit's convention for
-- a data version (toolkit gegevensversie.ts, as wmo, jeugd and participatie): one `gegevensversie` row per
-- table, a random uuid renewed by a BEFORE statement trigger. financieel_cijfer's row changes on every write
-- to it; gemeente's on an insert, delete or truncate and on an update of the columns the comparison reads
-- (inwoners, grootteklasse, code), as before. The migration runner splits statements at a semicolon that
-- ends a line: inside the function a semicolon starts the line instead.

DROP TRIGGER financien_versie_cijfer ON financieel_cijfer;
DROP TRIGGER financien_versie_gemeente ON gemeente;
DROP FUNCTION financien_versie_nieuw();
DROP TABLE financien_versie;

CREATE TABLE gegevensversie (tabel text PRIMARY KEY, versie uuid NOT NULL DEFAULT gen_random_uuid());

INSERT INTO gegevensversie (tabel) VALUES ('financieel_cijfer'), ('gemeente');

CREATE FUNCTION gegevensversie_vernieuwen() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE gegevensversie SET versie = gen_random_uuid() WHERE tabel = TG_TABLE_NAME
  ; RETURN NULL
; END $$;

CREATE TRIGGER financieel_cijfer_gegevensversie BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON financieel_cijfer
  FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_vernieuwen();

CREATE TRIGGER gemeente_gegevensversie BEFORE INSERT OR UPDATE OF inwoners, grootteklasse, code OR DELETE OR TRUNCATE ON gemeente
  FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_vernieuwen();
