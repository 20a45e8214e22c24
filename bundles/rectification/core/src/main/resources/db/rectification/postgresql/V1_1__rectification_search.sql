-- PostgreSQL: case-insensitive search of descriptions and the list's common filter on live rows.
create index rc_problem_live_unit_ix on rc_problem (unit_id, id) where deleted_at is null;
