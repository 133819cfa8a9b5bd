-- Pakketten schema, version 5, PostgreSQL: the transactional outbox (issue 10). Mails and domain
-- events are written here in the transaction of the change that caused them and delivered after
-- its commit: a mail by a dispatcher, an event right after the commit (removed once published).

CREATE TABLE pakketten_outbox (
  seq             BIGINT GENERATED ALWAYS AS IDENTITY, -- the order of queueing
  id              VARCHAR(64)   NOT NULL,
  practice_id     VARCHAR(64)   NOT NULL,
  kind            VARCHAR(8)    NOT NULL CHECK (kind IN ('MAIL', 'EVENT')),
  recipient       VARCHAR(320)  NOT NULL, -- a mail's address; an event's type
  subject         VARCHAR(1000) NOT NULL,
  message_id      VARCHAR(400)  NOT NULL, -- a mail's stable Message-ID; an event's id
  state           VARCHAR(8)    NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'FAILED')),
  attempts        INTEGER       NOT NULL CHECK (attempts >= 0),
  last_error      VARCHAR(1000),
  queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL, -- due, or leased to a dispatcher until then
  sent_at         TIMESTAMP WITH TIME ZONE,
  content         BYTEA         NOT NULL, -- the rendered mail or the event, encoded by the SDK
  CONSTRAINT pakketten_outbox_pk PRIMARY KEY (id),
  -- One mail per document: sending a document twice finds the first.
  CONSTRAINT pakketten_outbox_message_uq UNIQUE (practice_id, kind, message_id)
);

-- What a dispatcher claims: the queued rows, by due time.
CREATE INDEX pakketten_outbox_due_ix ON pakketten_outbox (next_attempt_at, seq) WHERE state = 'QUEUED';
-- A practice's outbox, oldest first.
CREATE INDEX pakketten_outbox_practice_ix ON pakketten_outbox (practice_id, seq);
