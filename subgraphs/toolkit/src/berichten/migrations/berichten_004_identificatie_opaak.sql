-- Issue 10 item 2: a message's BerichtIdentificatie (and its id in the graph) is a keyed hash of its
-- number in the store, no longer the number itself; collecting by naId looks the number up by it.
CREATE INDEX uitgaand_bericht_identificatie ON uitgaand_bericht (identificatie);
