-- PostgreSQL: user names are unique regardless of case ('Admin' cannot sit beside 'admin'),
-- which is also how login looks them up; expression indexes are PostgreSQL's.
create unique index pf_user_username_lower_uk on pf_user (lower(username));
create index pf_session_expires_ix on pf_session (expires_at) where revoked_at is null;
