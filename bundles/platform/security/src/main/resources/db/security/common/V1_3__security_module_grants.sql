-- The default grants of modules' permissions to built-in roles, once applied: a grant an
-- administrator later takes away is not given again when the module is installed again.
create table pf_module_grant (
    module_id  varchar(64)              not null,
    permission varchar(100)             not null,
    role_code  varchar(64)              not null,
    granted_at timestamp with time zone not null,
    constraint pf_module_grant_pk primary key (module_id, permission, role_code)
);
