-- Keys are kept for a retention period (MUTATIE_SLEUTEL_BEWAARDAGEN, docs/mutaties.md): the cleanup deletes by age.
CREATE INDEX mutatie_idempotentie_tijdstip ON mutatie_idempotentie (tijdstip);
