-- The data version of uitkering (toolkit gegevensversie.ts): the reach per gemeente and quarter over the
-- uitkeringen (toolkit bereik.ts) is kept per version and counted again only after a write. The trigger
-- renews the version in the transaction of every write, whoever writes (mutations, message ingest, CSV
-- import, the demo load).

INSERT INTO gegevensversie (tabel) VALUES ('uitkering');

CREATE TRIGGER uitkering_gegevensversie BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON uitkering
  FOR EACH STATEMENT EXECUTE FUNCTION gegevensversie_vernieuwen();
