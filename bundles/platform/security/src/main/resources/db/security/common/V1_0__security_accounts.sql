-- Security records: user accounts, roles and their permissions, sessions, API tokens, login
-- failures. Portable SQL (PostgreSQL and H2); vendor-specific statements live in ../<vendor>/.
-- Units and people are the platform's: referenced by id, never copied.

create sequence pf_user_seq start with 1 increment by 50;
create sequence pf_role_seq start with 1 increment by 50;
create sequence pf_api_token_seq start with 1 increment by 50;

create table pf_user (
    id                   bigint                   not null primary key,
    public_id            varchar(36)              not null,
    username             varchar(64)              not null,
    display_name         varchar(100),
    unit_id              bigint                   references pf_unit (id),
    person_id            bigint                   references pf_person (id),
    -- a PHC string of the algorithm below; never the password
    password_hash        varchar(255),
    password_algorithm   varchar(32),
    must_change_password boolean                  not null default false,
    disabled             boolean                  not null default false,
    -- failed logins from any address since the last success (the account-wide lockout)
    failed_count         integer                  not null default 0,
    -- locked from every address until this instant
    locked_until         timestamp with time zone,
    last_login_at        timestamp with time zone,
    version              bigint                   not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    deleted_at           timestamp with time zone,
    constraint pf_user_public_id_uk unique (public_id),
    constraint pf_user_username_uk unique (username)
);
create index pf_user_unit_ix on pf_user (unit_id);
create index pf_user_person_ix on pf_user (person_id);

create table pf_role (
    id         bigint                   not null primary key,
    public_id  varchar(36)              not null,
    code       varchar(64)              not null,
    name_zh    varchar(50)              not null,
    name_en    varchar(100)             not null,
    scope_kind varchar(16)              not null,
    built_in   boolean                  not null default false,
    -- the unit that defined a custom role; null for built-in and deployment-wide roles
    unit_id    bigint                   references pf_unit (id),
    version    bigint                   not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    deleted_at timestamp with time zone,
    constraint pf_role_public_id_uk unique (public_id),
    constraint pf_role_code_uk unique (code),
    constraint pf_role_scope_kind_ck check (scope_kind in ('OWN_UNIT', 'SUPERVISED', 'ALL'))
);
create index pf_role_unit_ix on pf_role (unit_id);

create table pf_role_permission (
    role_id    bigint       not null references pf_role (id),
    permission varchar(100) not null,
    primary key (role_id, permission)
);

create table pf_user_role (
    user_id bigint not null references pf_user (id),
    role_id bigint not null references pf_role (id),
    primary key (user_id, role_id)
);
create index pf_user_role_role_ix on pf_user_role (role_id);

-- Sessions: the key is the hex SHA-256 of the cookie value, which is never stored.
create table pf_session (
    id_hash        varchar(64)              not null primary key,
    user_id        bigint                   not null references pf_user (id),
    csrf_token     varchar(64)              not null,
    created_at     timestamp with time zone not null,
    last_seen_at   timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    client_address varchar(64),
    revoked_at     timestamp with time zone
);
create index pf_session_user_ix on pf_session (user_id);

-- API tokens 'ql_<prefix>_<secret>': the prefix is kept in clear for look-up, the whole token
-- only as its hex SHA-256.
create table pf_api_token (
    id           bigint                   not null primary key,
    public_id    varchar(36)              not null,
    prefix       varchar(16)              not null,
    token_hash   varchar(64)              not null,
    name         varchar(100)             not null,
    user_id      bigint                   not null references pf_user (id),
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    constraint pf_api_token_public_id_uk unique (public_id),
    constraint pf_api_token_prefix_uk unique (prefix)
);
create index pf_api_token_user_ix on pf_api_token (user_id);

create table pf_api_token_permission (
    token_id   bigint       not null references pf_api_token (id),
    permission varchar(100) not null,
    primary key (token_id, permission)
);

-- Failed logins of one account from one client address within the current window.
create table pf_login_failure (
    user_id          bigint                   not null references pf_user (id),
    client_address   varchar(64)              not null,
    failures         integer                  not null,
    first_failure_at timestamp with time zone not null,
    locked_until     timestamp with time zone,
    primary key (user_id, client_address)
);
