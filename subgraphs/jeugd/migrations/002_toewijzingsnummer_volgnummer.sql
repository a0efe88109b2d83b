-- Toewijzingsnummers of toewijzingen granted through the graph (mutations, docs/mutaties.md): nine digits
-- (iWmo/iJw LDT_Nummer), from 800000000 up; a grant skips a number already taken by a loaded toewijzing.
CREATE SEQUENCE toewijzingsnummer_volgnummer START 800000000 MINVALUE 800000000 MAXVALUE 999999999;
