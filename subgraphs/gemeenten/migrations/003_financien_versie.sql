-- The version of the figures `financienVergelijking` compares with (issue 11): the averages of a size
-- class and of the country run over every gemeente of the world, so the subgraph computes them once per
-- version and keeps them (src/financien/financien-referentie.ts) instead of on every request. Any write
-- to financieel_cijfer, or to a gemeente's inwoners or grootteklasse, gives a new version, whoever writes
-- it. A random value rather than a counter: several databases in one process (tests, the graph in one
-- process) never share one.
-- The migration runner splits statements at a semicolon that ends a line: inside the function a
-- semicolon starts the line instead.

CREATE TABLE financien_versie (versie uuid NOT NULL);
INSERT INTO financien_versie VALUES (gen_random_uuid());

CREATE FUNCTION financien_versie_nieuw() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE financien_versie SET versie = gen_random_uuid()
  ; RETURN NULL
; END $$;

CREATE TRIGGER financien_versie_cijfer AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON financieel_cijfer
  FOR EACH STATEMENT EXECUTE FUNCTION financien_versie_nieuw();

CREATE TRIGGER financien_versie_gemeente AFTER INSERT OR UPDATE OF inwoners, grootteklasse, code OR DELETE OR TRUNCATE ON gemeente
  FOR EACH STATEMENT EXECUTE FUNCTION financien_versie_nieuw();
