-- The portal: module activation per unit, to-dos and notices that modules post for users.
-- Users live in the security schema, which is migrated after this one: they are referred to
-- by their public id here.

create sequence pf_module_activation_seq start with 1 increment by 50;
create sequence pf_todo_seq start with 1 increment by 50;
create sequence pf_notice_seq start with 1 increment by 50;
create sequence pf_notice_read_seq start with 1 increment by 50;

-- A unit's own setting for a module; no row means "inherit from the parent unit".
create table pf_module_activation (
    id         bigint                   not null primary key,
    unit_id    bigint                   not null references pf_unit (id),
    module_id  varchar(64)              not null,
    active     boolean                  not null,
    updated_by varchar(64),
    updated_at timestamp with time zone not null,
    constraint pf_module_activation_uk unique (unit_id, module_id)
);

create table pf_todo (
    id          bigint                   not null primary key,
    public_id   varchar(36)              not null,
    module_id   varchar(64)              not null,
    source_key  varchar(200)             not null,
    assignee    varchar(36)              not null,
    unit_id     bigint                   references pf_unit (id),
    title_zh    varchar(300)             not null,
    title_en    varchar(300)             not null,
    route       varchar(300),
    level       varchar(16)              not null,
    due_at      timestamp with time zone,
    done_at     timestamp with time zone,
    version     bigint                   not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    deleted_at  timestamp with time zone,
    constraint pf_todo_public_id_uk unique (public_id),
    constraint pf_todo_level_ck check (level in ('INFO', 'WARNING', 'DANGER'))
);
create index pf_todo_assignee_ix on pf_todo (assignee, done_at);
create index pf_todo_source_ix on pf_todo (module_id, source_key);

create table pf_notice (
    id          bigint                   not null primary key,
    public_id   varchar(36)              not null,
    module_id   varchar(64)              not null,
    unit_id     bigint                   not null references pf_unit (id),
    recipient   varchar(36),
    title_zh    varchar(300)             not null,
    title_en    varchar(300)             not null,
    body_zh     varchar(4000),
    body_en     varchar(4000),
    route       varchar(300),
    level       varchar(16)              not null,
    version     bigint                   not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    deleted_at  timestamp with time zone,
    constraint pf_notice_public_id_uk unique (public_id),
    constraint pf_notice_level_ck check (level in ('INFO', 'WARNING', 'DANGER'))
);
create index pf_notice_recipient_ix on pf_notice (recipient);
create index pf_notice_unit_ix on pf_notice (unit_id);

create table pf_notice_read (
    id         bigint                   not null primary key,
    notice_id  bigint                   not null references pf_notice (id),
    user_id    varchar(36)              not null,
    read_at    timestamp with time zone not null,
    constraint pf_notice_read_uk unique (notice_id, user_id)
);
