-- The dictionaries the platform's own records use: gender and rank (职级).
-- Ids below the sequences' first values are reserved for seeded rows.
insert into pf_dictionary (id, public_id, code, name_zh, name_en, version, created_at, updated_at) values
    (-1, '6f1b2a34-0000-4000-8000-000000000001', 'gender', '性别', 'Gender', 0, current_timestamp, current_timestamp),
    (-2, '6f1b2a34-0000-4000-8000-000000000002', 'rank', '职级', 'Rank', 0, current_timestamp, current_timestamp);

insert into pf_dictionary_item (id, public_id, dictionary_id, code, label_zh, label_en, sort_order, active, version, created_at, updated_at) values
    (-1,  '6f1b2a34-0001-4000-8000-000000000001', -1, 'male', '男', 'Male', 1, true, 0, current_timestamp, current_timestamp),
    (-2,  '6f1b2a34-0001-4000-8000-000000000002', -1, 'female', '女', 'Female', 2, true, 0, current_timestamp, current_timestamp),
    (-10, '6f1b2a34-0002-4000-8000-000000000001', -2, 'bureau-chief', '正厅级', 'Bureau chief', 1, true, 0, current_timestamp, current_timestamp),
    (-11, '6f1b2a34-0002-4000-8000-000000000002', -2, 'bureau-deputy', '副厅级', 'Deputy bureau chief', 2, true, 0, current_timestamp, current_timestamp),
    (-12, '6f1b2a34-0002-4000-8000-000000000003', -2, 'division-chief', '正处级', 'Division chief', 3, true, 0, current_timestamp, current_timestamp),
    (-13, '6f1b2a34-0002-4000-8000-000000000004', -2, 'division-deputy', '副处级', 'Deputy division chief', 4, true, 0, current_timestamp, current_timestamp),
    (-14, '6f1b2a34-0002-4000-8000-000000000005', -2, 'section-chief', '正科级', 'Section chief', 5, true, 0, current_timestamp, current_timestamp),
    (-15, '6f1b2a34-0002-4000-8000-000000000006', -2, 'section-deputy', '副科级', 'Deputy section chief', 6, true, 0, current_timestamp, current_timestamp),
    (-16, '6f1b2a34-0002-4000-8000-000000000007', -2, 'staff', '科员', 'Staff member', 7, true, 0, current_timestamp, current_timestamp);
