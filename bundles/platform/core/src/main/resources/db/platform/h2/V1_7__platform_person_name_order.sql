-- H2: the people list sorted by name (PostgreSQL has a partial index instead).
create index pf_person_live_name_ix on pf_person (name, id);
