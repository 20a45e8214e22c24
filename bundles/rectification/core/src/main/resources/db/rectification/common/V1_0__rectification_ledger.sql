-- The inspection-rectification ledger (巡视巡察整改台账). Units and people are the platform's,
-- referred to by their public ids (foreign keys to pf_unit and pf_person).

create sequence rc_inspection_seq start with 1 increment by 50;
create sequence rc_problem_seq start with 1 increment by 50;
create sequence rc_measure_seq start with 1 increment by 50;
create sequence rc_progress_seq start with 1 increment by 50;
create sequence rc_timeline_seq start with 1 increment by 50;

create table rc_inspection (
    id          bigint                   not null primary key,
    public_id   varchar(36)              not null unique,
    title       varchar(200)             not null,
    source      varchar(32)              not null,
    unit_id     varchar(36)              not null references pf_unit (public_id),
    start_date  date                     not null,
    end_date    date,
    team        varchar(500),
    version     bigint                   not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    deleted_at  timestamp with time zone
);
create index rc_inspection_unit_ix on rc_inspection (unit_id);

create table rc_inspection_unit (
    inspection_id bigint      not null references rc_inspection (id),
    position      integer     not null,
    unit_id       varchar(36) not null references pf_unit (public_id),
    constraint rc_inspection_unit_pk primary key (inspection_id, position)
);
create index rc_inspection_unit_unit_ix on rc_inspection_unit (unit_id);

create table rc_problem (
    id                bigint                   not null primary key,
    public_id         varchar(36)              not null unique,
    inspection_id     bigint                   references rc_inspection (id),
    description       varchar(2000)            not null,
    category          varchar(64)              not null,
    severity          varchar(16)              not null,
    unit_id           varchar(36)              not null references pf_unit (public_id),
    leader_id         varchar(36)              references pf_person (public_id),
    status            varchar(32)              not null,
    deadline          date,
    open_deadline     date,
    source_module     varchar(64),
    source_key        varchar(200),
    closed_at         timestamp with time zone,
    verification_note varchar(1000),
    version           bigint                   not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    deleted_at        timestamp with time zone,
    constraint rc_problem_source_uk unique (source_module, source_key)
);
create index rc_problem_unit_status_ix on rc_problem (unit_id, status, id);
create index rc_problem_inspection_ix on rc_problem (inspection_id);
create index rc_problem_open_deadline_ix on rc_problem (open_deadline);
create index rc_problem_created_ix on rc_problem (created_at);

create table rc_measure (
    id           bigint                   not null primary key,
    public_id    varchar(36)              not null unique,
    problem_id   bigint                   not null references rc_problem (id),
    position     integer                  not null,
    content      varchar(2000)            not null,
    owner_id     varchar(36)              references pf_person (public_id),
    owner_name   varchar(100),
    deadline     date,
    long_term    boolean                  not null,
    done         boolean                  not null,
    completed_at timestamp with time zone,
    version      bigint                   not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    deleted_at   timestamp with time zone
);
create index rc_measure_problem_ix on rc_measure (problem_id);
create index rc_measure_open_deadline_ix on rc_measure (deadline, done, long_term);

create table rc_milestone (
    measure_id bigint       not null references rc_measure (id),
    position   integer      not null,
    title      varchar(200) not null,
    due_date   date,
    done       boolean      not null,
    constraint rc_milestone_pk primary key (measure_id, position)
);

create table rc_progress (
    id                bigint                   not null primary key,
    public_id         varchar(36)              not null unique,
    problem_id        bigint                   not null references rc_problem (id),
    measure_id        bigint                   references rc_measure (id),
    text              varchar(2000)            not null,
    completes_measure boolean                  not null,
    reported_by       varchar(64),
    version           bigint                   not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    deleted_at        timestamp with time zone
);
create index rc_progress_problem_ix on rc_progress (problem_id);

-- What happened to a problem, who did it and why: the ledger's own history, besides the audit trail.
create table rc_timeline (
    id          bigint                   not null primary key,
    problem_id  bigint                   not null references rc_problem (id),
    at          timestamp with time zone not null,
    actor       varchar(64),
    action      varchar(32)              not null,
    from_status varchar(32),
    to_status   varchar(32),
    note        varchar(1000)
);
create index rc_timeline_problem_ix on rc_timeline (problem_id, at);
