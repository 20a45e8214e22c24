-- "Key minority" talk records (关键少数谈话). Units and people are the platform's, referred to
-- by their public ids (foreign keys to pf_unit and pf_person).

create sequence tk_talk_seq start with 1 increment by 50;
create sequence tk_timeline_seq start with 1 increment by 50;

create table tk_talk (
    id                 bigint                   not null primary key,
    public_id          varchar(36)              not null unique,
    kind               varchar(32)              not null,
    reason             varchar(32)              not null,
    status             varchar(32)              not null,
    sensitivity        varchar(16)              not null,
    unit_id            varchar(36)              not null references pf_unit (public_id),
    talk_year          integer                  not null,
    planned_on         date,
    held_on            date,
    place              varchar(200),
    summary            varchar(4000),
    statement          varchar(4000),
    follow_up          varchar(2000),
    follow_up_deadline date,
    follow_up_result   varchar(2000),
    follow_up_done_at  timestamp with time zone,
    sent_on            date,
    reply_deadline     date,
    reply              varchar(4000),
    replied_on         date,
    assessment         varchar(32),
    assessment_note    varchar(1000),
    proposed           boolean                  not null,
    source_module      varchar(64),
    source_key         varchar(200),
    source_route       varchar(200),
    finding_id         varchar(36),
    finding_route      varchar(200),
    version            bigint                   not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    deleted_at         timestamp with time zone,
    constraint tk_talk_source_uk unique (source_module, source_key)
);
create index tk_talk_unit_year_ix on tk_talk (unit_id, talk_year, id);
create index tk_talk_kind_year_ix on tk_talk (kind, talk_year, status);
create index tk_talk_follow_up_ix on tk_talk (status, follow_up_deadline);

-- Everyone a talk names: the people talked to (SUBJECT, with their unit and role at the time),
-- who conducted it (CONDUCTOR), who recorded it (RECORDER), who else may read it (HANDLER).
create table tk_talk_person (
    talk_id   bigint      not null references tk_talk (id),
    position  integer     not null,
    part      varchar(16) not null,
    person_id varchar(36) not null references pf_person (public_id),
    name      varchar(50) not null,
    unit_id   varchar(36) references pf_unit (public_id),
    role      varchar(32),
    constraint tk_talk_person_pk primary key (talk_id, position)
);
create index tk_talk_person_person_ix on tk_talk_person (person_id, part);

-- What happened to a talk, who did it and why: the module's own history, besides the audit trail.
create table tk_timeline (
    id          bigint                   not null primary key,
    talk_id     bigint                   not null references tk_talk (id),
    at          timestamp with time zone not null,
    actor       varchar(64),
    action      varchar(32)              not null,
    from_status varchar(32),
    to_status   varchar(32),
    note        varchar(1000)
);
create index tk_timeline_talk_ix on tk_timeline (talk_id, at);
