-- PostgreSQL: the register's common filter on live rows.
create index tk_talk_live_unit_ix on tk_talk (unit_id, id) where deleted_at is null;
