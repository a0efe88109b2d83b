-- The data version of toewijzing (toolkit gegevensversie.ts): the reach per gemeente and quarter over the
-- Jeugdwet toewijzingen (toolkit bereik.ts) is kept per version and counted again only after a write. The trigger
-- renews the version in the transaction of every write, whoever writes (mutations, message ingest, CSV
-- import, the demo load).

INSERT INTO gegevensversie (tabel) VALUES ('toewijzing');

CREATE TRIGGER toewijzing_gegevensversie BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON toewijzing
  FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_vernieuwen();
