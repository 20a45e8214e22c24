-- The built-in roles (三员分立: system, security and audit administrators are separate), with
-- their permissions '<module>:<action>' in Shiro wildcard syntax ('*' is every permission).
-- Ids below the sequences' first values are reserved for seeded rows. Modules add their own
-- permissions to these roles through their PortalModule's default grants.
insert into pf_role (id, public_id, code, name_zh, name_en, scope_kind, built_in, version, created_at, updated_at) values
    (-1, '5ec0a11c-0000-4000-8000-000000000001', 'administrator', '初始管理员', 'Initial administrator', 'ALL', true, 0, current_timestamp, current_timestamp),
    (-2, '5ec0a11c-0000-4000-8000-000000000002', 'system-admin', '系统管理员', 'System administrator', 'ALL', true, 0, current_timestamp, current_timestamp),
    (-3, '5ec0a11c-0000-4000-8000-000000000003', 'security-admin', '安全管理员', 'Security administrator', 'ALL', true, 0, current_timestamp, current_timestamp),
    (-4, '5ec0a11c-0000-4000-8000-000000000004', 'audit-admin', '审计管理员', 'Audit administrator', 'ALL', true, 0, current_timestamp, current_timestamp),
    (-5, '5ec0a11c-0000-4000-8000-000000000005', 'unit-admin', '单位管理员', 'Unit administrator', 'SUPERVISED', true, 0, current_timestamp, current_timestamp),
    (-6, '5ec0a11c-0000-4000-8000-000000000006', 'supervisor', '纪检监察干部', 'Discipline inspection and supervision officer', 'SUPERVISED', true, 0, current_timestamp, current_timestamp),
    (-7, '5ec0a11c-0000-4000-8000-000000000007', 'leader', '领导', 'Leader', 'SUPERVISED', true, 0, current_timestamp, current_timestamp),
    (-8, '5ec0a11c-0000-4000-8000-000000000008', 'reporter', '被监督单位填报人', 'Reporter of a supervised unit', 'OWN_UNIT', true, 0, current_timestamp, current_timestamp),
    (-9, '5ec0a11c-0000-4000-8000-000000000009', 'integrator', '系统对接', 'System integration', 'SUPERVISED', true, 0, current_timestamp, current_timestamp);

-- administrator: everything, for the first administrator only, who creates the separated admins
insert into pf_role_permission (role_id, permission) values
    (-1, '*');

-- system-admin: operates the platform, reads no case data
insert into pf_role_permission (role_id, permission) values
    (-2, 'platform:units-read'),
    (-2, 'platform:dictionaries-read'),
    (-2, 'platform:dictionaries-write'),
    (-2, 'platform:api-read'),
    (-2, 'platform:modules-install'),
    (-2, 'platform:system');

-- security-admin: users, roles, grants (and the read permissions of the roles it grants, since an
-- admin grants only what they hold)
insert into pf_role_permission (role_id, permission) values
    (-3, 'platform:dictionaries-read'),
    (-3, 'platform:users-read'),
    (-3, 'platform:users-write'),
    (-3, 'platform:roles-read'),
    (-3, 'platform:roles-write'),
    (-3, 'platform:units-read'),
    (-3, 'platform:people-read'),
    (-3, 'platform:tokens-write');

-- audit-admin: reads and verifies the audit trail
insert into pf_role_permission (role_id, permission) values
    (-4, 'platform:audit-read'),
    (-4, 'platform:audit-verify'),
    (-4, 'platform:units-read');

-- unit-admin: the unit and the units it supervises
insert into pf_role_permission (role_id, permission) values
    (-5, 'platform:units-read'),
    (-5, 'platform:units-write'),
    (-5, 'platform:people-read'),
    (-5, 'platform:people-write'),
    (-5, 'platform:users-read'),
    (-5, 'platform:users-write'),
    (-5, 'platform:roles-read'),
    (-5, 'platform:roles-write'),
    (-5, 'platform:dictionaries-read'),
    (-5, 'platform:modules-activate');

-- supervisor and leader
insert into pf_role_permission (role_id, permission) values
    (-6, 'platform:units-read'),
    (-6, 'platform:people-read'),
    (-6, 'platform:dictionaries-read'),
    (-7, 'platform:units-read'),
    (-7, 'platform:people-read'),
    (-7, 'platform:dictionaries-read');

-- reporter: own unit only
insert into pf_role_permission (role_id, permission) values
    (-8, 'platform:units-read'),
    (-8, 'platform:dictionaries-read');

-- integrator: other systems, through API tokens
insert into pf_role_permission (role_id, permission) values
    (-9, 'platform:units-read'),
    (-9, 'platform:people-read'),
    (-9, 'platform:dictionaries-read'),
    (-9, 'platform:api-read'),
    (-9, 'platform:tokens-write');
