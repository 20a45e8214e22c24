-- The desired feature set: what the module page and the console asked for, applied by every
-- node at start so that nodes converge and a restarted node comes back with the same modules.
-- A feature not named here is not managed (the distribution's own features, test installs).
create table pf_desired_feature (
    feature      varchar(100)             not null primary key,
    version      varchar(50),
    installed    boolean                  not null,
    requested_by varchar(64)              not null,
    requested_at timestamp with time zone not null
);
