-- H2 (the embedded trial database) has no expression or partial indexes: the account service
-- keeps user names unique regardless of case; this plain index serves session clean-up.
create index pf_session_expires_ix on pf_session (expires_at);
