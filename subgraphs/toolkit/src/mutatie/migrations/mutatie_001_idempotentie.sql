-- The answers of mutations by the client's idempotency key (toolkit mutatie/mutatie.ts): a retry with the
-- same key and input gets the stored answer and changes nothing; the same key with other input is refused.
-- Keys belong to the calling organisation, so two organisations' keys never meet. The answer holds ids
-- only (what was created or changed), never personal data; the mutation reads the rows anew.
CREATE TABLE mutatie_idempotentie (
  organisatie  text NOT NULL,
  sleutel      text NOT NULL,
  mutatie      text NOT NULL,
  invoer_hash  text NOT NULL,
  antwoord     jsonb NOT NULL,
  tijdstip     timestamptz NOT NULL,
  PRIMARY KEY (organisatie, sleutel)
);
