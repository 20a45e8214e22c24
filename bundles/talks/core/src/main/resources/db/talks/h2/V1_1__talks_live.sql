-- H2: the register's common filter (PostgreSQL has a partial index instead).
create index tk_talk_live_unit_ix on tk_talk (unit_id, id);
