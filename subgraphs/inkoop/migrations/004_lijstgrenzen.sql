-- The list sizes the schema gives (`@listSize`, src/lijstgrenzen.ts) are bounds the data keeps, so that
-- the gateway's cost estimate bounds the real work (issue 11, docs/demand-control.md): a contract has
-- at most 3 percelen, a perceel at most 10 producten, a product at most 6 tarieven. A row past its
-- bound is refused (check_violation), whoever writes it. Each check first locks the parent row, so
-- two writers cannot both see room for one more.
-- The migration runner splits statements at a semicolon that ends a line: inside the functions
-- a semicolon starts the line instead.

CREATE FUNCTION perceel_binnen_grens() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM 1 FROM contract WHERE id = NEW.contract_id FOR UPDATE
  ; IF (SELECT count(*) FROM perceel WHERE contract_id = NEW.contract_id AND id <> NEW.id) >= 3 THEN
    RAISE EXCEPTION 'contract % heeft al 3 percelen, het maximum', NEW.contract_id USING ERRCODE = 'check_violation'
  ; END IF
  ; RETURN NEW
; END $$;

CREATE TRIGGER perceel_binnen_grens BEFORE INSERT OR UPDATE OF contract_id ON perceel
  FOR EACH ROW EXECUTE FUNCTION perceel_binnen_grens();

CREATE FUNCTION product_binnen_grens() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM 1 FROM perceel WHERE id = NEW.perceel_id FOR UPDATE
  ; IF (SELECT count(*) FROM product WHERE perceel_id = NEW.perceel_id AND id <> NEW.id) >= 10 THEN
    RAISE EXCEPTION 'perceel % heeft al 10 producten, het maximum', NEW.perceel_id USING ERRCODE = 'check_violation'
  ; END IF
  ; RETURN NEW
; END $$;

CREATE TRIGGER product_binnen_grens BEFORE INSERT OR UPDATE OF perceel_id ON product
  FOR EACH ROW EXECUTE FUNCTION product_binnen_grens();

CREATE FUNCTION tarief_binnen_grens() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM 1 FROM product WHERE id = NEW.product_id FOR UPDATE
  ; IF (SELECT count(*) FROM tarief WHERE product_id = NEW.product_id AND id <> NEW.id) >= 6 THEN
    RAISE EXCEPTION 'product % heeft al 6 tarieven, het maximum', NEW.product_id USING ERRCODE = 'check_violation'
  ; END IF
  ; RETURN NEW
; END $$;

CREATE TRIGGER tarief_binnen_grens BEFORE INSERT OR UPDATE OF product_id ON tarief
  FOR EACH ROW EXECUTE FUNCTION tarief_binnen_grens();
