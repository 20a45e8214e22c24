-- H2: the list's common filter (PostgreSQL has a partial index instead).
create index rc_problem_live_unit_ix on rc_problem (unit_id, id);
