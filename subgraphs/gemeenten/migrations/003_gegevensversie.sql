-- The data version of the figures financienVergelijking compares with (toolkit gegevensversie.ts): the
-- averages of a size class and of the country run over every gemeente of the world, so the subgraph computes
-- them once per version and keeps them (src/financien/financien-vergelijking.sql.ts) instead of on every
-- request. financieel_cijfer's version is renewed by every write to it; gemeente's by an insert, delete or
-- truncate and by an update of the columns the comparison reads (inwoners, grootteklasse, code), whoever writes.

INSERT INTO gegevensversie (tabel) VALUES ('financieel_cijfer'), ('gemeente');

CREATE TRIGGER financieel_cijfer_gegevensversie BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON financieel_cijfer
  FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_vernieuwen();

CREATE TRIGGER gemeente_gegevensversie BEFORE INSERT OR UPDATE OF inwoners, grootteklasse, code OR DELETE OR TRUNCATE ON gemeente
  FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_vernieuwen();
