-- Which demo data was generated, and which contributors already added their records to it, so
-- that a module installed later into a demo database adds its records once.
create table pf_demo_run (
    contributor varchar(64)              not null primary key,
    scale       varchar(16)              not null,
    seed        bigint                   not null,
    ran_at      timestamp with time zone not null
);
