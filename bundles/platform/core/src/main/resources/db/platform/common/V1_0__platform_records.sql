-- Platform records: units and their supervision relation, the people roster, dictionaries.
-- Portable SQL (PostgreSQL and H2); vendor-specific statements live in ../<vendor>/.

create sequence pf_unit_seq start with 1 increment by 50;
create sequence pf_supervision_seq start with 1 increment by 50;
create sequence pf_person_seq start with 1 increment by 50;
create sequence pf_dictionary_seq start with 1 increment by 50;
create sequence pf_dictionary_item_seq start with 1 increment by 50;

create table pf_unit (
    id          bigint                   not null primary key,
    public_id   varchar(36)              not null,
    external_id varchar(64),
    name        varchar(100)             not null,
    short_name  varchar(50),
    code        varchar(32),
    kind        varchar(32)              not null,
    level       varchar(16)              not null,
    parent_id   bigint                   references pf_unit (id),
    sort_order  integer                  not null default 0,
    version     bigint                   not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    deleted_at  timestamp with time zone,
    constraint pf_unit_public_id_uk unique (public_id),
    constraint pf_unit_kind_ck check (kind in ('COMMISSION', 'ORGAN_COMMITTEE', 'DISPATCHED_GROUP', 'SUPERVISED_BODY')),
    constraint pf_unit_level_ck check (level in ('CITY', 'DISTRICT', 'TOWNSHIP'))
);
create index pf_unit_parent_ix on pf_unit (parent_id);

create table pf_supervision (
    id                 bigint                   not null primary key,
    public_id          varchar(36)              not null,
    supervisor_unit_id bigint                   not null references pf_unit (id),
    supervised_unit_id bigint                   not null references pf_unit (id),
    valid_from         date                     not null,
    valid_to           date,
    note               varchar(200),
    version            bigint                   not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    deleted_at         timestamp with time zone,
    constraint pf_supervision_public_id_uk unique (public_id),
    constraint pf_supervision_dates_ck check (valid_to is null or valid_to >= valid_from),
    constraint pf_supervision_self_ck check (supervisor_unit_id <> supervised_unit_id)
);
create index pf_supervision_supervisor_ix on pf_supervision (supervisor_unit_id);
create index pf_supervision_supervised_ix on pf_supervision (supervised_unit_id);

create table pf_person (
    id                bigint                   not null primary key,
    public_id         varchar(36)              not null,
    external_id       varchar(64),
    name              varchar(50)              not null,
    gender            varchar(32),
    birth_date        date,
    unit_id           bigint                   not null references pf_unit (id),
    rank_code         varchar(32),
    top_leader        boolean                  not null default false,
    leadership_member boolean                  not null default false,
    young_cadre       boolean                  not null default false,
    inspection_cadre  boolean                  not null default false,
    version           bigint                   not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    deleted_at        timestamp with time zone,
    constraint pf_person_public_id_uk unique (public_id)
);
create index pf_person_unit_ix on pf_person (unit_id);

create table pf_person_position (
    person_id      bigint       not null references pf_person (id),
    position_index integer      not null,
    title          varchar(100) not null,
    unit_id        bigint       references pf_unit (id),
    start_date     date         not null,
    end_date       date,
    primary key (person_id, position_index)
);

create table pf_dictionary (
    id         bigint                   not null primary key,
    public_id  varchar(36)              not null,
    code       varchar(32)              not null,
    name_zh    varchar(50)              not null,
    name_en    varchar(100)             not null,
    version    bigint                   not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    deleted_at timestamp with time zone,
    constraint pf_dictionary_public_id_uk unique (public_id),
    constraint pf_dictionary_code_uk unique (code)
);

create table pf_dictionary_item (
    id            bigint                   not null primary key,
    public_id     varchar(36)              not null,
    dictionary_id bigint                   not null references pf_dictionary (id),
    code          varchar(32)              not null,
    label_zh      varchar(100)             not null,
    label_en      varchar(200)             not null,
    sort_order    integer                  not null default 0,
    active        boolean                  not null default true,
    version       bigint                   not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    deleted_at    timestamp with time zone,
    constraint pf_dictionary_item_public_id_uk unique (public_id),
    constraint pf_dictionary_item_code_uk unique (dictionary_id, code)
);
