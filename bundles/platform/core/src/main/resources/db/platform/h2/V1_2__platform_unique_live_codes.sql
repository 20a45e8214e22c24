-- H2 (the embedded trial database) has no partial indexes: the services keep codes and
-- external ids unique among live records; these plain indexes serve look-ups.
create index pf_unit_code_ix on pf_unit (code);
create index pf_unit_external_id_ix on pf_unit (external_id);
create index pf_person_external_id_ix on pf_person (external_id);
create index pf_unit_name_ix on pf_unit (name);
create index pf_person_name_ix on pf_person (name);
