-- dmaudit database schema. Ids from the archive are 64-bit integers here and
-- printed back as decimal strings; times are milliseconds since the Unix epoch
-- (UTC). The README documents every table and view.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS snapshot (
  id             INTEGER PRIMARY KEY,
  source         TEXT NOT NULL,      -- the path given to ingest
  sha256         TEXT NOT NULL,      -- of the ZIP, or of the folder's files
  generated_at   INTEGER NOT NULL,   -- manifest generationDate, else see README
  generated_from TEXT NOT NULL,      -- 'manifest', 'data' or 'file'
  ingested_at    INTEGER NOT NULL,
  owner_id       INTEGER NOT NULL,
  layout         TEXT NOT NULL,      -- '2019' root layout, 'data' folder layout
  has_followers  INTEGER NOT NULL,   -- follower.js was present
  has_following  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS account (
  id      INTEGER PRIMARY KEY,
  handle  TEXT,                      -- screen name, without '@'
  name    TEXT,                      -- display name
  source  TEXT                       -- where it was learned: manifest, account, mention, reply
);

CREATE TABLE IF NOT EXISTS conversation (
  id             TEXT PRIMARY KEY,   -- "low-high" for 1:1, opaque for groups
  kind           TEXT NOT NULL CHECK (kind IN ('dm', 'group')),
  counterpart_id INTEGER,            -- 1:1 only: the account that is not the owner
  name           TEXT                -- groups: the latest name seen
) WITHOUT ROWID;

-- Rows are stored in the order the archive lists them, which groups each
-- conversation's messages together, so reading a conversation in time order
-- (message_by_conversation) walks the table nearly sequentially. The id is
-- unique through message_id, which also makes a second copy of a message
-- (split chunks, parts, later snapshots) an ignored duplicate.
CREATE TABLE IF NOT EXISTS message (
  id              INTEGER NOT NULL,
  conversation_id TEXT NOT NULL,
  sender_id       INTEGER NOT NULL,
  recipient_id    INTEGER,           -- NULL in groups
  created_at      INTEGER NOT NULL,
  text            TEXT NOT NULL,     -- HTML entities decoded
  kind            TEXT NOT NULL DEFAULT 'message', -- 'message' or 'welcome' (welcomeMessageCreate)
  media_count     INTEGER NOT NULL DEFAULT 0,
  url_count       INTEGER NOT NULL DEFAULT 0,
  snapshot_id     INTEGER NOT NULL   -- the first snapshot that held it
);
CREATE UNIQUE INDEX IF NOT EXISTS message_id ON message (id);

-- Messages whose text differs between snapshots (DM edits, since 2022): one
-- row per (message, snapshot) text; message.text is the newest snapshot's.
CREATE TABLE IF NOT EXISTS message_version (
  message_id  INTEGER NOT NULL,
  snapshot_id INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (message_id, snapshot_id)
) WITHOUT ROWID;

-- The snapshots that held a message again: the first is message.snapshot_id,
-- every later one that held it (the same text or an edit) is a row here. So
-- the messages of snapshot S are those with snapshot_id = S and those listed
-- here under S (the message_snapshot view). Databases of dmaudit before this
-- table knew only the first: meta.messages_seen_from names the first
-- snapshot id whose repeats are all here (see the README).
CREATE TABLE IF NOT EXISTS message_seen (
  snapshot_id INTEGER NOT NULL,
  message_id  INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, message_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS message_url (
  message_id INTEGER NOT NULL,
  pos        INTEGER NOT NULL,
  url        TEXT,                   -- t.co link as in the text
  expanded   TEXT,
  display    TEXT,
  PRIMARY KEY (message_id, pos)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS message_media (
  message_id INTEGER NOT NULL,
  pos        INTEGER NOT NULL,
  url        TEXT NOT NULL,
  PRIMARY KEY (message_id, pos)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS media_file (
  path       TEXT PRIMARY KEY,       -- path inside the archive (not read)
  message_id INTEGER                 -- from the file name "<messageId>-<name>"
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS reaction (
  message_id   INTEGER NOT NULL,
  sender_id    INTEGER NOT NULL,
  reaction_key TEXT NOT NULL,
  event_id     INTEGER NOT NULL,
  created_at   INTEGER,
  PRIMARY KEY (message_id, event_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS group_event (
  conversation_id TEXT NOT NULL,
  kind            TEXT NOT NULL,     -- 'join' (owner added), 'participants_join', 'participants_leave', 'rename'
  created_at      INTEGER NOT NULL,
  initiator_id    INTEGER,
  name            TEXT               -- rename only
);
CREATE UNIQUE INDEX IF NOT EXISTS group_event_key
  ON group_event (conversation_id, created_at, kind, ifnull(initiator_id, 0), ifnull(name, ''));

CREATE TABLE IF NOT EXISTS group_event_user (
  conversation_id TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  account_id      INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, created_at, kind, account_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS follow (
  snapshot_id INTEGER NOT NULL,
  direction   TEXT NOT NULL CHECK (direction IN ('follower', 'following')),
  account_id  INTEGER NOT NULL,
  pos         INTEGER,               -- place in the archive's list, 0 first; NULL before dmaudit kept it
  PRIMARY KEY (snapshot_id, direction, account_id)
) WITHOUT ROWID;

-- Derived after every ingest from consecutive snapshots (by generated_at).
CREATE TABLE IF NOT EXISTS follow_change (
  direction      TEXT NOT NULL,
  account_id     INTEGER NOT NULL,
  change         TEXT NOT NULL CHECK (change IN ('gained', 'lost')),
  from_snapshot  INTEGER NOT NULL,
  to_snapshot    INTEGER NOT NULL,
  after          INTEGER NOT NULL,   -- the change happened after this time …
  before         INTEGER NOT NULL,   -- … and before this one (README: how they are narrowed)
  PRIMARY KEY (to_snapshot, direction, account_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tweet (
  id                  INTEGER PRIMARY KEY,
  created_at          INTEGER NOT NULL,
  text                TEXT NOT NULL,  -- full_text, HTML entities decoded
  reply_to_status_id  INTEGER,
  reply_to_user_id    INTEGER,
  reply_to_handle     TEXT,
  source_app          TEXT,           -- the app name from `source`
  lang                TEXT,
  is_retweet          INTEGER NOT NULL DEFAULT 0,
  snapshot_id         INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS tweet_mention (
  tweet_id   INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  handle     TEXT,
  PRIMARY KEY (tweet_id, account_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tweet_url (
  tweet_id INTEGER NOT NULL,
  pos      INTEGER NOT NULL,
  url      TEXT,
  expanded TEXT,
  PRIMARY KEY (tweet_id, pos)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS app (
  id           INTEGER NOT NULL,
  snapshot_id  INTEGER NOT NULL,
  name         TEXT,
  organization TEXT,
  permissions  TEXT,                 -- comma-separated, e.g. "read,write,directmessages"
  approved_at  INTEGER,
  PRIMARY KEY (snapshot_id, id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS block (
  snapshot_id INTEGER NOT NULL,
  account_id  INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, account_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mute (
  snapshot_id INTEGER NOT NULL,
  account_id  INTEGER NOT NULL,
  PRIMARY KEY (snapshot_id, account_id)
) WITHOUT ROWID;

-- Findings: the verdicts behind the reports, written by `dmaudit report`
-- (autodm, etiquette, exposure, all) over the whole archive, each table
-- replaced in one transaction; the same rows as the report's JSON.
CREATE TABLE IF NOT EXISTS autodm_sender (
  account_id INTEGER PRIMARY KEY,
  auto       INTEGER NOT NULL,       -- 1: judged automated
  score      REAL NOT NULL,
  kind       TEXT,                   -- 'validation', 'follow_thanks', … or NULL
  evidence   TEXT NOT NULL           -- JSON array of sentences
);

CREATE TABLE IF NOT EXISTS exposure_finding (
  source_id       INTEGER NOT NULL,  -- message or tweet id
  channel         TEXT NOT NULL,     -- 'dm', 'group_dm' or 'tweet'
  conversation_id TEXT,              -- NULL for tweets
  type            TEXT NOT NULL,
  severity        TEXT NOT NULL,
  disclosed_by    TEXT NOT NULL,
  value_start     INTEGER,           -- bytes [value_start, value_end) of the value in the text;
  value_end       INTEGER,           -- the value itself is never stored
  PRIMARY KEY (channel, source_id, type)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS etiquette_conversation (
  conversation_id             TEXT PRIMARY KEY,
  counterpart_id              INTEGER,
  initiated_by                TEXT NOT NULL,  -- 'owner' or 'counterpart'
  first_response_seconds      INTEGER,        -- counterpart-initiated; NULL: unanswered
  reply_seconds               TEXT NOT NULL,  -- JSON array
  cold                        INTEGER,        -- owner-initiated only
  first_has_url               INTEGER,
  owner_messages_before_reply INTEGER
) WITHOUT ROWID;

-- Views for common questions. dm and conversation_stats are made again at
-- every ingest, so a database of an earlier dmaudit gets their new columns.

CREATE VIEW IF NOT EXISTS owner AS
  SELECT CAST(value AS INTEGER) AS id FROM meta WHERE key = 'owner_id';

CREATE VIEW IF NOT EXISTS latest_snapshot AS
  SELECT * FROM snapshot ORDER BY generated_at DESC, id DESC LIMIT 1;

DROP VIEW IF EXISTS dm;
CREATE VIEW dm AS
  SELECT m.id, m.conversation_id, c.kind AS conversation_kind, m.sender_id,
         (SELECT handle FROM account WHERE id = m.sender_id) AS sender_handle,
         m.sender_id = (SELECT id FROM owner) AS from_owner,
         m.recipient_id, m.created_at,
         strftime('%Y-%m-%dT%H:%M:%SZ', m.created_at / 1000, 'unixepoch') AS created,
         m.text, m.kind, m.media_count, m.url_count
  FROM message m JOIN conversation c ON c.id = m.conversation_id;

DROP VIEW IF EXISTS conversation_stats;
CREATE VIEW conversation_stats AS
  SELECT c.id AS conversation_id, c.kind, c.counterpart_id, a.handle AS counterpart_handle,
         count(m.id) AS messages,
         sum(m.sender_id = (SELECT id FROM owner)) AS from_owner,
         min(m.created_at) AS first_at, max(m.created_at) AS last_at,
         strftime('%Y-%m-%dT%H:%M:%SZ', min(m.created_at) / 1000, 'unixepoch') AS first,
         strftime('%Y-%m-%dT%H:%M:%SZ', max(m.created_at) / 1000, 'unixepoch') AS last
  FROM conversation c LEFT JOIN message m ON m.conversation_id = c.id
  LEFT JOIN account a ON a.id = c.counterpart_id
  GROUP BY c.id;

CREATE VIEW IF NOT EXISTS current_followers AS
  SELECT f.account_id, a.handle FROM follow f JOIN latest_snapshot s ON s.id = f.snapshot_id
  LEFT JOIN account a ON a.id = f.account_id WHERE f.direction = 'follower';

CREATE VIEW IF NOT EXISTS current_following AS
  SELECT f.account_id, a.handle FROM follow f JOIN latest_snapshot s ON s.id = f.snapshot_id
  LEFT JOIN account a ON a.id = f.account_id WHERE f.direction = 'following';

CREATE VIEW IF NOT EXISTS owner_reply AS
  SELECT t.*, strftime('%Y-%m-%dT%H:%M:%SZ', t.created_at / 1000, 'unixepoch') AS created
  FROM tweet t WHERE t.reply_to_user_id IS NOT NULL
    AND t.reply_to_user_id <> (SELECT id FROM owner);

CREATE VIEW IF NOT EXISTS message_snapshot AS
  SELECT id AS message_id, snapshot_id FROM message
  UNION ALL SELECT message_id, snapshot_id FROM message_seen;

DROP VIEW IF EXISTS follow_change_dated;
CREATE VIEW follow_change_dated AS
  SELECT g.*, a.handle,
         strftime('%Y-%m-%dT%H:%M:%SZ', g.after / 1000, 'unixepoch') AS after_time,
         strftime('%Y-%m-%dT%H:%M:%SZ', g.before / 1000, 'unixepoch') AS before_time
  FROM follow_change g LEFT JOIN account a ON a.id = g.account_id;
