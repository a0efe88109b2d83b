-- The data version of toewijzing becomes a random uuid, as in every subgraph (toolkit gegevensversie.ts says
-- why: a version never repeats, so equal versions mean equal data in any database of the process). The
-- statement trigger stays BEFORE, on the table's own row. The migration runner splits statements at a
-- semicolon that ends a line: inside the function a semicolon starts the line instead.

DROP TRIGGER toewijzing_gegevensversie ON toewijzing;
DROP FUNCTION gegevensversie_verhogen();

ALTER TABLE gegevensversie ALTER COLUMN versie DROP DEFAULT,
  ALTER COLUMN versie TYPE uuid USING gen_random_uuid(),
  ALTER COLUMN versie SET DEFAULT gen_random_uuid();

CREATE FUNCTION gegevensversie_vernieuwen() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE gegevensversie SET versie = gen_random_uuid() WHERE tabel = TG_TABLE_NAME
  ; RETURN NULL
; END $$;

CREATE TRIGGER toewijzing_gegevensversie BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON toewijzing
  FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_vernieuwen();
