-- `maatregelen` lists every measure with its `@listSize` of 20 (src/maatregel/maatregel.resolver.ts,
-- MAX_MAATREGELEN): a bound the data keeps, so that the gateway's cost estimate bounds the real work
-- (issue 11, docs/demand-control.md). A 21st measure is refused (check_violation), whoever writes it;
-- the lock lets one writer at a time count. Measures are policy decisions registered by hand (the
-- demo world has 6); raising the bound means a migration that raises this check too.
-- The migration runner splits statements at a semicolon that ends a line: inside the function a
-- semicolon starts the line instead.

CREATE FUNCTION maatregel_binnen_grens() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  LOCK TABLE maatregel IN SHARE ROW EXCLUSIVE MODE
  ; IF (SELECT count(*) FROM maatregel) >= 20 THEN
    RAISE EXCEPTION 'er zijn al 20 maatregelen, het maximum' USING ERRCODE = 'check_violation'
  ; END IF
  ; RETURN NEW
; END $$;

CREATE TRIGGER maatregel_binnen_grens BEFORE INSERT ON maatregel
  FOR EACH ROW EXECUTE FUNCTION maatregel_binnen_grens();
