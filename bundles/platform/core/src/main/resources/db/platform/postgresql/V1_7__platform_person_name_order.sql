-- PostgreSQL: the people list sorted by name walks this index and stops after a page, instead of
-- reading and sorting the whole roster (seen in the benchmark's EXPLAIN check on the medium city).
create index pf_person_live_name_ix on pf_person (name, id) where deleted_at is null;
