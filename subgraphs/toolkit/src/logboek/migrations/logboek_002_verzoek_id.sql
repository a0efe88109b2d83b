-- Issue 9 item 7: the id the gateway generated for the request, kept beside the trace id (which a
-- client may choose through its traceparent). Records from before this have none.

ALTER TABLE verwerking_actor ADD COLUMN verzoek_id text CHECK (verzoek_id ~ '^[0-9a-f]{32}$');
ALTER TABLE verwerking ADD COLUMN verzoek_id text CHECK (verzoek_id ~ '^[0-9a-f]{32}$');

CREATE INDEX verwerking_verzoek ON verwerking (verzoek_id);
