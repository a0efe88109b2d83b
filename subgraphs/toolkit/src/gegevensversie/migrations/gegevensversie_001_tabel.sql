-- The data version of a subgraph's tables (gegevensversie.ts says why each part has this form): one row per
-- versioned table, a random uuid, and the trigger function that renews a table's row. Applied to every
-- subgraph before its own migrations, so a subgraph versions a table with two statements of its own: its row
-- and its trigger. The migration runner splits statements at a semicolon that ends a line: inside the
-- function a semicolon starts the line instead.

CREATE TABLE gegevensversie (tabel text PRIMARY KEY, versie uuid NOT NULL DEFAULT gen_random_uuid());

CREATE FUNCTION gegevensversie_vernieuwen() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE gegevensversie SET versie = gen_random_uuid() WHERE tabel = TG_TABLE_NAME
  ; RETURN NULL
; END $$;
