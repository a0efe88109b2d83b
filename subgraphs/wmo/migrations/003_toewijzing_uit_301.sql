-- A toewijzing taken in from a 301 of the gemeente's backlog (docs/berichten.md "301 backlog") names no
-- contract, contract product or tarief: the message has none, and inkoop, which owns them, is another
-- subgraph. They stay empty until the toewijzing is linked; the graph shows no contract for it.
ALTER TABLE toewijzing ALTER COLUMN contract_id DROP NOT NULL;
ALTER TABLE toewijzing ALTER COLUMN product_id DROP NOT NULL;
ALTER TABLE toewijzing ALTER COLUMN tarief_id DROP NOT NULL;
