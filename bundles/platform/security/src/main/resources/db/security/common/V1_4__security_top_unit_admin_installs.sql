-- A unit administrator may install modules, but only as an administrator of a top unit (the
-- deployment's own): the module installer refuses the others (problem.installTopUnitOnly).
insert into pf_role_permission (role_id, permission) values
    (-5, 'platform:modules-install');
