-- The system administrator runs scheduled jobs by hand and keeps the working-day calendar.
insert into pf_role_permission (role_id, permission) values
    (-2, 'platform:jobs'),
    (-2, 'platform:calendar-write');
