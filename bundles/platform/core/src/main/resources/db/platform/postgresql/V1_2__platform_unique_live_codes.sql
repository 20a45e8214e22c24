-- PostgreSQL: codes and external ids are unique among live (not deleted) records only, so a
-- deleted unit's code can be given to a new one. Partial indexes are PostgreSQL's.
create unique index pf_unit_code_live_uk on pf_unit (code) where deleted_at is null and code is not null;
create unique index pf_unit_external_id_live_uk on pf_unit (external_id) where deleted_at is null and external_id is not null;
create unique index pf_person_external_id_live_uk on pf_person (external_id) where deleted_at is null and external_id is not null;
create index pf_unit_name_lower_ix on pf_unit (lower(name));
create index pf_person_name_lower_ix on pf_person (lower(name));
