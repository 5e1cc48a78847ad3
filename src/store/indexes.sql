-- Secondary indexes, built after the rows of an ingest are in.
CREATE INDEX IF NOT EXISTS message_by_conversation ON message (conversation_id, created_at, id);
CREATE INDEX IF NOT EXISTS conversation_by_counterpart ON conversation (counterpart_id);
CREATE INDEX IF NOT EXISTS tweet_by_reply_user ON tweet (reply_to_user_id, created_at);
CREATE INDEX IF NOT EXISTS tweet_mention_by_account ON tweet_mention (account_id);
CREATE INDEX IF NOT EXISTS follow_by_account ON follow (account_id, direction);
CREATE INDEX IF NOT EXISTS message_by_sender ON message (sender_id, created_at);
