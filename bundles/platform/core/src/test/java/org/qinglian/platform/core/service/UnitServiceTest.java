package org.qinglian.platform.core.service;

import org.qinglian.platform.testing.TestDatabase;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.qinglian.platform.core.ProblemAssert.assertInvalid;
import static org.qinglian.platform.core.ProblemAssert.assertNotFound;
import static org.qinglian.platform.core.ProblemAssert.assertProblem;
import static org.qinglian.platform.core.ProblemAssert.fields;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Test;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.StaleVersionException;
import org.qinglian.platform.api.SupervisionDto;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.UnitQuery;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.UnitTreeNode;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.core.DatabaseTestCase;

public class UnitServiceTest extends DatabaseTestCase {

    private static final LocalDate MARCH_15 = LocalDate.of(2026, 3, 15);

    static UnitDto dto(String name, UnitKind kind, UnitLevel level, UnitDto parent) {
        UnitDto u = new UnitDto();
        u.setName(name);
        u.setKind(kind);
        u.setLevel(level);
        u.setParentId(parent == null ? null : parent.getId());
        return u;
    }

    private UnitDto create(String name, UnitLevel level, UnitDto parent) {
        return units.create(dto(name, UnitKind.COMMISSION, level, parent));
    }

    private UnitDto create(String name, UnitKind kind, UnitLevel level, UnitDto parent) {
        return units.create(dto(name, kind, level, parent));
    }

    private static PageRequest page(Integer page, Integer size, String sort) {
        return PageRequest.of(page, size, sort, UnitService.SORTABLE);
    }

    private List<String> names(UnitQuery query, String sort) {
        return names(units.list(query, page(1, 200, sort)));
    }

    private static List<String> names(Page<UnitDto> page) {
        return page.getItems().stream().map(UnitDto::getName).collect(Collectors.toList());
    }

    private static Set<UUID> ids(UnitDto... units) {
        return Arrays.stream(units).map(UnitDto::getId).collect(Collectors.toSet());
    }

    private static Object column(String column, UUID unit) {
        return TestDatabase.value("select " + column + " from pf_unit where public_id = ?", unit.toString());
    }

    private static Instant instant(String column, UUID unit) {
        OffsetDateTime t = TestDatabase.value(OffsetDateTime.class,
                "select " + column + " from pf_unit where public_id = ?", unit.toString());
        return t == null ? null : t.toInstant();
    }

    // --- create and get -------------------------------------------------------------------

    @Test
    public void createStoresTheUnitAndGetReadsItBack() {
        UnitDto in = dto("  市纪委监委 ", UnitKind.COMMISSION, UnitLevel.CITY, null);
        in.setShortName(" 市纪委 ");
        in.setCode("JW-01");
        in.setExternalId("hr:0001");
        in.setSortOrder(3);
        in.setVersion(99L);
        UnitDto created = units.create(in);

        assertNotNull(created.getId());
        assertEquals("市纪委监委", created.getName());
        assertEquals("市纪委", created.getShortName());
        assertEquals("JW-01", created.getCode());
        assertEquals("hr:0001", created.getExternalId());
        assertEquals(UnitKind.COMMISSION, created.getKind());
        assertEquals(UnitLevel.CITY, created.getLevel());
        assertNull(created.getParentId());
        assertEquals(Integer.valueOf(3), created.getSortOrder());
        assertEquals(Long.valueOf(0), created.getVersion());
        assertEquals(T0, created.getCreatedAt());
        assertEquals(T0, created.getUpdatedAt());

        UnitDto read = units.get(created.getId());
        assertEquals(created.getId(), read.getId());
        assertEquals("市纪委监委", read.getName());
        assertEquals("市纪委", read.getShortName());
        assertEquals("JW-01", read.getCode());
        assertEquals("hr:0001", read.getExternalId());
        assertEquals(Integer.valueOf(3), read.getSortOrder());
        assertEquals(Long.valueOf(0), read.getVersion());
        assertEquals(T0, read.getCreatedAt());

        assertEquals(List.of(List.of("市纪委监委", "市纪委", "JW-01", "COMMISSION", "CITY", 3, 0L)),
                TestDatabase.rows("select name, short_name, code, kind, level, sort_order, version from pf_unit"));
    }

    @Test
    public void blankOptionalTextIsStoredAsNullAndSortOrderDefaultsToZero() {
        UnitDto in = dto("东区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, null);
        in.setShortName("   ");
        in.setExternalId("");
        UnitDto created = units.create(in);
        assertNull(created.getShortName());
        assertNull(created.getExternalId());
        assertNull(created.getCode());
        assertEquals(Integer.valueOf(0), created.getSortOrder());
        assertEquals(Arrays.asList(null, null, null, 0),
                TestDatabase.rows("select short_name, external_id, code, sort_order from pf_unit").get(0));
    }

    @Test
    public void childRecordsItsParent() {
        UnitDto city = create("市纪委监委", UnitLevel.CITY, null);
        UnitDto district = create("东区纪委", UnitLevel.DISTRICT, city);
        assertEquals(city.getId(), district.getParentId());
        assertEquals(city.getId(), units.get(district.getId()).getParentId());
        assertEquals(TestDatabase.value("select id from pf_unit where public_id = ?", city.getId().toString()),
                column("parent_id", district.getId()));
    }

    @Test
    public void instantsAreStoredInUtcWhateverTheJvmZone() {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        UnitDto created;
        try {
            created = create("市纪委监委", UnitLevel.CITY, null);
        } finally {
            TimeZone.setDefault(saved);
        }
        OffsetDateTime stored = TestDatabase.value(OffsetDateTime.class,
                "select created_at from pf_unit where public_id = ?", created.getId().toString());
        assertEquals(ZoneOffset.UTC, stored.getOffset());
        assertEquals(T0, stored.toInstant());
        assertEquals("2026-03-01 17:30:00.123456", TestDatabase.value(
                "select (created_at at time zone 'UTC')::text from pf_unit"));
        assertEquals(T0, instant("updated_at", created.getId()));
        assertNull(instant("deleted_at", created.getId()));
        assertEquals(T0, units.get(created.getId()).getCreatedAt());
    }

    @Test
    public void getOfAnUnknownUnitIs404() {
        UUID unknown = UUID.randomUUID();
        assertNotFound(() -> units.get(unknown), "unit", unknown);
    }

    // --- list -----------------------------------------------------------------------------

    @Test
    public void listPagesWithTotalPageAndSize() {
        for (String name : List.of("Echo", "Alpha", "Delta", "Bravo", "Charlie")) {
            create(name, UnitLevel.CITY, null);
        }
        Page<UnitDto> second = units.list(new UnitQuery(), page(2, 2, "name"));
        assertEquals(5, second.getTotal());
        assertEquals(2, second.getPage());
        assertEquals(2, second.getSize());
        assertEquals(List.of("Charlie", "Delta"), names(second));

        Page<UnitDto> third = units.list(new UnitQuery(), page(3, 2, "name"));
        assertEquals(List.of("Echo"), names(third));
        assertEquals(5, third.getTotal());

        Page<UnitDto> beyond = units.list(new UnitQuery(), page(4, 2, "name"));
        assertEquals(List.of(), beyond.getItems());
        assertEquals(5, beyond.getTotal());
        assertEquals(4, beyond.getPage());

        Page<UnitDto> defaults = units.list(new UnitQuery(), page(null, null, null));
        assertEquals(1, defaults.getPage());
        assertEquals(PageRequest.DEFAULT_SIZE, defaults.getSize());
        // without a sort the id (creation order) decides
        assertEquals(List.of("Echo", "Alpha", "Delta", "Bravo", "Charlie"), names(defaults));
    }

    @Test
    public void listSortsByNameBothWaysAndBySeveralFields() {
        UnitDto b = dto("Bravo", UnitKind.COMMISSION, UnitLevel.CITY, null);
        b.setSortOrder(1);
        units.create(b);
        UnitDto a = dto("Alpha", UnitKind.COMMISSION, UnitLevel.CITY, null);
        a.setSortOrder(2);
        units.create(a);
        UnitDto c = dto("Charlie", UnitKind.COMMISSION, UnitLevel.CITY, null);
        c.setSortOrder(1);
        units.create(c);

        assertEquals(List.of("Alpha", "Bravo", "Charlie"), names(new UnitQuery(), "name"));
        assertEquals(List.of("Charlie", "Bravo", "Alpha"), names(new UnitQuery(), "-name"));
        assertEquals(List.of("Alpha", "Charlie", "Bravo"), names(new UnitQuery(), "-sortOrder,-name"));
        assertEquals(List.of("Bravo", "Charlie", "Alpha"), names(new UnitQuery(), "sortOrder,name"));
    }

    @Test
    public void listFiltersByParentRootsNameKindAndLevel() {
        UnitDto city = create("市纪委监委", UnitKind.COMMISSION, UnitLevel.CITY, null);
        create("东区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city);
        UnitDto west = create("西区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city);
        create("派驻第一纪检监察组", UnitKind.DISPATCHED_GROUP, UnitLevel.CITY, city);
        create("西区东街道纪工委", UnitKind.ORGAN_COMMITTEE, UnitLevel.TOWNSHIP, west);
        create("市财政局", UnitKind.SUPERVISED_BODY, UnitLevel.CITY, null);
        UnitDto lake = dto("南湖区纪律检查委员会", UnitKind.COMMISSION, UnitLevel.DISTRICT, null);
        lake.setShortName("南湖区纪委");
        units.create(lake);

        assertEquals(List.of("东区纪委", "西区纪委", "派驻第一纪检监察组"),
                names(new UnitQuery().setParentId(city.getId()), null));
        assertEquals(List.of("西区东街道纪工委"), names(new UnitQuery().setParentId(west.getId()), null));
        assertEquals(List.of("市纪委监委", "市财政局", "南湖区纪律检查委员会"),
                names(new UnitQuery().setRootsOnly(true), null));
        // name or short name (南湖区纪委) contains the text; 西区东街道纪工委 does not
        assertEquals(List.of("东区纪委", "西区纪委", "南湖区纪律检查委员会"),
                names(new UnitQuery().setName("区纪委"), null));
        assertEquals(List.of("派驻第一纪检监察组"), names(new UnitQuery().setKind(UnitKind.DISPATCHED_GROUP), null));
        assertEquals(List.of("西区东街道纪工委"), names(new UnitQuery().setLevel(UnitLevel.TOWNSHIP), null));
        assertEquals(List.of("东区纪委", "西区纪委"),
                names(new UnitQuery().setParentId(city.getId()).setLevel(UnitLevel.DISTRICT), null));
        assertEquals(List.of("南湖区纪律检查委员会"),
                names(new UnitQuery().setRootsOnly(true).setName("区纪委"), null));
        assertEquals(List.of(), names(new UnitQuery().setName("区纪委").setKind(UnitKind.SUPERVISED_BODY), null));
        assertEquals(List.of(), names(new UnitQuery().setParentId(UUID.randomUUID()), null));

        Page<UnitDto> filtered = units.list(new UnitQuery().setName("区纪委"), page(1, 2, "-name"));
        assertEquals(3, filtered.getTotal());
        assertEquals(2, filtered.getItems().size());
    }

    @Test
    public void nameFilterIsLiteralCaseInsensitiveAndTrimmed() {
        for (String name : List.of("A_B", "AXB", "100%", "1000", "Alpha", "back\\slash")) {
            create(name, UnitLevel.CITY, null);
        }
        assertEquals(List.of("A_B"), names(new UnitQuery().setName("_"), null));
        assertEquals(List.of("100%"), names(new UnitQuery().setName("%"), null));
        assertEquals(List.of("back\\slash"), names(new UnitQuery().setName("\\"), null));
        assertEquals(List.of("Alpha"), names(new UnitQuery().setName("ALPHA"), null));
        assertEquals(List.of("A_B"), names(new UnitQuery().setName("  a_b  "), null));
        assertEquals(6, units.list(new UnitQuery().setName("   "), page(1, 20, null)).getTotal());
    }

    // --- update ---------------------------------------------------------------------------

    @Test
    public void updateWithTheCurrentVersionBumpsVersionAndUpdatedAt() {
        UnitDto created = create("东区纪委", UnitLevel.DISTRICT, null);
        Instant t1 = clock.advance(Duration.ofHours(2));
        UnitDto change = dto("东区纪委监委", UnitKind.COMMISSION, UnitLevel.DISTRICT, null);
        change.setCode("DQ");
        UnitDto updated = units.update(created.getId(), 0, change);

        assertEquals(created.getId(), updated.getId());
        assertEquals("东区纪委监委", updated.getName());
        assertEquals("DQ", updated.getCode());
        assertEquals(Long.valueOf(1), updated.getVersion());
        assertEquals(T0, updated.getCreatedAt());
        assertEquals(t1, updated.getUpdatedAt());
        assertEquals(1L, column("version", created.getId()));
        assertEquals("东区纪委监委", column("name", created.getId()));
        assertEquals(T0, instant("created_at", created.getId()));
        assertEquals(t1, instant("updated_at", created.getId()));

        Instant t2 = clock.advance(Duration.ofMinutes(1));
        UnitDto again = units.update(created.getId(), 1, change);
        assertEquals(Long.valueOf(2), again.getVersion());
        assertEquals(t2, units.get(created.getId()).getUpdatedAt());
    }

    @Test
    public void updateWithAStaleVersionIs412AndChangesNothing() {
        UnitDto created = create("东区纪委", UnitLevel.DISTRICT, null);
        clock.advance(Duration.ofHours(1));
        units.update(created.getId(), 0, dto("东区纪委 v1", UnitKind.COMMISSION, UnitLevel.DISTRICT, null));
        Instant t1 = instant("updated_at", created.getId());
        clock.advance(Duration.ofHours(1));

        StaleVersionException e = assertProblem(StaleVersionException.class,
                () -> units.update(created.getId(), 0, dto("覆盖", UnitKind.COMMISSION, UnitLevel.DISTRICT, null)),
                412, "stale-version", "problem.staleVersion");
        assertArrayEquals(new Object[] {0L, 1L}, e.getArgs());
        assertEquals("东区纪委 v1", column("name", created.getId()));
        assertEquals(1L, column("version", created.getId()));
        assertEquals(t1, instant("updated_at", created.getId()));

        assertProblem(StaleVersionException.class, () -> units.delete(created.getId(), 0), 412, "stale-version",
                "problem.staleVersion");
        assertNull(column("deleted_at", created.getId()));
        assertProblem(StaleVersionException.class, () -> units.update(created.getId(), 2,
                dto("未来", UnitKind.COMMISSION, UnitLevel.DISTRICT, null)), 412, "stale-version", "problem.staleVersion");
    }

    @Test
    public void updateOfAnUnknownUnitIs404() {
        UUID unknown = UUID.randomUUID();
        assertNotFound(() -> units.update(unknown, 0, dto("x", UnitKind.COMMISSION, UnitLevel.CITY, null)),
                "unit", unknown);
    }

    // --- validation -----------------------------------------------------------------------

    @Test
    public void unknownParentNamesParentId() {
        UnitDto orphan = dto("东区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, null);
        UUID unknown = UUID.randomUUID();
        orphan.setParentId(unknown);
        ValidationException e = assertInvalid(() -> units.create(orphan), "validation.unknownReference", "parentId");
        assertArrayEquals(new Object[] {unknown.toString()}, e.getViolations().get(0).getArgs());
        assertEquals(0L, TestDatabase.value("select count(*) from pf_unit"));
    }

    @Test
    public void aCycleNamesParentIdAndWritesNothing() {
        UnitDto a = create("A", UnitLevel.CITY, null);
        UnitDto b = create("B", UnitLevel.CITY, a);
        UnitDto c = create("C", UnitLevel.CITY, b);
        clock.advance(Duration.ofHours(1));

        assertInvalid(() -> units.update(a.getId(), 0, dto("A", UnitKind.COMMISSION, UnitLevel.CITY, c)),
                "validation.unitCycle", "parentId");
        assertInvalid(() -> units.update(a.getId(), 0, dto("A", UnitKind.COMMISSION, UnitLevel.CITY, a)),
                "validation.unitCycle", "parentId");
        assertInvalid(() -> units.update(b.getId(), 0, dto("B", UnitKind.COMMISSION, UnitLevel.CITY, c)),
                "validation.unitCycle", "parentId");
        assertNull(column("parent_id", a.getId()));
        assertEquals(0L, column("version", a.getId()));
        assertEquals(0L, column("version", b.getId()));
        assertEquals(T0, instant("updated_at", a.getId()));

        // moving a grandchild up under its grandparent is no cycle
        UnitDto moved = units.update(c.getId(), 0, dto("C", UnitKind.COMMISSION, UnitLevel.CITY, a));
        assertEquals(a.getId(), moved.getParentId());
    }

    @Test
    public void levelAboveTheParentNamesLevel() {
        UnitDto district = create("东区纪委", UnitLevel.DISTRICT, null);
        assertInvalid(() -> create("市纪委", UnitLevel.CITY, district), "validation.levelAboveParent", "level");
        assertEquals(1L, TestDatabase.value("select count(*) from pf_unit"));
        assertEquals(UnitLevel.DISTRICT, create("东区派驻组", UnitLevel.DISTRICT, district).getLevel());
        assertEquals(UnitLevel.TOWNSHIP, create("东街道纪工委", UnitLevel.TOWNSHIP, district).getLevel());
    }

    @Test
    public void loweringAParentBelowItsChildrenNamesLevel() {
        UnitDto city = create("市纪委监委", UnitLevel.CITY, null);
        create("东区纪委", UnitLevel.DISTRICT, city);
        assertInvalid(() -> units.update(city.getId(), 0, dto("市纪委监委", UnitKind.COMMISSION, UnitLevel.TOWNSHIP,
                null)), "validation.levelBelowChildren", "level");
    }

    @Test
    public void nameIsRequiredAndAtMost100Characters() {
        String hundred = "纪".repeat(100);
        UnitDto ok = create(hundred, UnitLevel.CITY, null);
        assertEquals(hundred, ok.getName());
        assertEquals(100, TestDatabase.value("select char_length(name) from pf_unit"));

        // 100 characters outside the BMP are 200 UTF-16 units, still 100 characters
        String wide = "𠀀".repeat(100);
        assertEquals(wide, create(wide, UnitLevel.CITY, null).getName());

        ValidationException tooLong = assertInvalid(() -> create("纪".repeat(101), UnitLevel.CITY, null),
                "validation.tooLong", "name");
        assertArrayEquals(new Object[] {100}, tooLong.getViolations().get(0).getArgs());
        assertInvalid(() -> create("   ", UnitLevel.CITY, null), "validation.required", "name");
        assertInvalid(() -> create(null, UnitLevel.CITY, null), "validation.required", "name");
        assertEquals(2L, TestDatabase.value("select count(*) from pf_unit"));
    }

    @Test
    public void everyFieldAtFaultIsNamedAtOnce() {
        UnitDto bad = new UnitDto();
        bad.setShortName("简".repeat(51));
        bad.setCode("代码");
        bad.setExternalId("x".repeat(65));
        ValidationException e = assertInvalid(() -> units.create(bad), "validation.required",
                "name", "shortName", "code", "externalId", "kind", "level");
        assertEquals(List.of("validation.required", "validation.tooLong", "validation.code", "validation.tooLong",
                "validation.required", "validation.required"),
                e.getViolations().stream().map(v -> v.getMessageKey()).collect(Collectors.toList()));

        UnitDto negative = dto("东区", UnitKind.COMMISSION, UnitLevel.DISTRICT, null);
        negative.setSortOrder(-1);
        assertInvalid(() -> units.create(negative), "validation.min", "sortOrder");
        assertInvalid(() -> units.create(null), "validation.required", "body");
        assertEquals(0L, TestDatabase.value("select count(*) from pf_unit"));
    }

    // --- duplicates -----------------------------------------------------------------------

    @Test
    public void duplicateCodeIs409NamingCodeUntilTheFirstUnitIsDeleted() {
        UnitDto first = dto("东区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, null);
        first.setCode("DQ-01");
        first = units.create(first);
        UnitDto second = dto("西区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, null);
        second.setCode("DQ-01");

        ProblemException e = assertProblem(ProblemException.class, () -> units.create(second), 409, "duplicate",
                "problem.duplicate");
        assertEquals(List.of("code"), fields(e));
        assertEquals("validation.duplicate", e.getViolations().get(0).getMessageKey());
        assertArrayEquals(new Object[] {"DQ-01"}, e.getViolations().get(0).getArgs());
        assertEquals(1L, TestDatabase.value("select count(*) from pf_unit"));

        // the unit itself keeps its code on update
        UnitDto same = dto("东区纪委监委", UnitKind.COMMISSION, UnitLevel.DISTRICT, null);
        same.setCode("DQ-01");
        first = units.update(first.getId(), 0, same);

        units.delete(first.getId(), first.getVersion());
        UnitDto reused = units.create(second);
        assertEquals("DQ-01", reused.getCode());
        assertEquals(List.of(List.of("东区纪委监委", true), List.of("西区纪委", false)), TestDatabase.rows(
                "select name, deleted_at is not null from pf_unit where code = 'DQ-01' order by id"));
    }

    @Test
    public void duplicateCodeAndExternalIdAreBothNamedAlsoOnUpdate() {
        UnitDto a = dto("A", UnitKind.COMMISSION, UnitLevel.CITY, null);
        a.setCode("A1");
        a.setExternalId("ext-a");
        units.create(a);
        UnitDto b = units.create(dto("B", UnitKind.COMMISSION, UnitLevel.CITY, null));

        UnitDto clash = dto("B", UnitKind.COMMISSION, UnitLevel.CITY, null);
        clash.setCode("A1");
        clash.setExternalId("ext-a");
        ProblemException e = assertProblem(ProblemException.class, () -> units.update(b.getId(), 0, clash), 409,
                "duplicate", "problem.duplicate");
        assertEquals(List.of("code", "externalId"), fields(e));
        assertEquals(0L, column("version", b.getId()));
        assertNull(column("code", b.getId()));

        // codes compare exactly: a1 is another code
        clash.setCode("a1");
        clash.setExternalId(null);
        assertEquals("a1", units.update(b.getId(), 0, clash).getCode());
    }

    // --- delete ---------------------------------------------------------------------------

    @Test
    public void deleteIsRefusedWhileTheUnitHasChildren() {
        UnitDto city = create("市纪委监委", UnitLevel.CITY, null);
        UnitDto district = create("东区纪委", UnitLevel.DISTRICT, city);
        assertProblem(ConflictException.class, () -> units.delete(city.getId(), 0), 409, "conflict",
                "problem.unitHasChildren");
        assertNull(column("deleted_at", city.getId()));
        assertEquals(0L, column("version", city.getId()));

        units.delete(district.getId(), 0);
        units.delete(city.getId(), 0);
        assertNotFound(() -> units.get(city.getId()), "unit", city.getId());
    }

    @Test
    public void deleteIsRefusedWhileTheUnitHasPeople() {
        UnitDto unit = create("东区纪委", UnitLevel.DISTRICT, null);
        PersonDto p = new PersonDto();
        p.setName("张三");
        p.setUnitId(unit.getId());
        PersonDto person = people.create(p);

        assertProblem(ConflictException.class, () -> units.delete(unit.getId(), 0), 409, "conflict",
                "problem.unitHasPeople");
        assertNull(column("deleted_at", unit.getId()));

        people.delete(person.getId(), 0);
        units.delete(unit.getId(), 0);
        assertNotNull(column("deleted_at", unit.getId()));
    }

    @Test
    public void deleteIsRefusedWhileTheUnitHasSupervisionEdgesEitherWay() {
        UnitDto group = create("派驻组", UnitKind.DISPATCHED_GROUP, UnitLevel.CITY, null);
        UnitDto bureau = create("市财政局", UnitKind.SUPERVISED_BODY, UnitLevel.CITY, null);
        SupervisionDto edge = units.createSupervision(edge(group, bureau, LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31)));

        // even an edge that expired long ago blocks the delete
        assertProblem(ConflictException.class, () -> units.delete(group.getId(), 0), 409, "conflict",
                "problem.unitHasSupervisions");
        assertProblem(ConflictException.class, () -> units.delete(bureau.getId(), 0), 409, "conflict",
                "problem.unitHasSupervisions");

        units.deleteSupervision(edge.getId(), 0);
        units.delete(group.getId(), 0);
        units.delete(bureau.getId(), 0);
        assertEquals(2L, TestDatabase.value("select count(*) from pf_unit where deleted_at is not null"));
    }

    @Test
    public void deletedUnitsDisappearButTheRowStaysMarked() {
        UnitDto city = create("市纪委监委", UnitLevel.CITY, null);
        UnitDto doomed = create("东区纪委", UnitLevel.DISTRICT, city);
        create("西区纪委", UnitLevel.DISTRICT, city);
        Instant t1 = clock.advance(Duration.ofDays(1));

        units.delete(doomed.getId(), 0);

        assertNotFound(() -> units.get(doomed.getId()), "unit", doomed.getId());
        Page<UnitDto> all = units.list(new UnitQuery(), page(1, 20, null));
        assertEquals(2, all.getTotal());
        assertEquals(List.of("市纪委监委", "西区纪委"), names(all));
        assertEquals(List.of("西区纪委"), names(new UnitQuery().setParentId(city.getId()), null));
        assertEquals(List.of("西区纪委"), units.tree().get(0).getChildren().stream().map(UnitTreeNode::getName)
                .collect(Collectors.toList()));

        assertEquals("东区纪委", column("name", doomed.getId()));
        assertEquals(t1, instant("deleted_at", doomed.getId()));
        assertEquals(t1, instant("updated_at", doomed.getId()));
        assertEquals(1L, column("version", doomed.getId()));

        assertNotFound(() -> units.delete(doomed.getId(), 1), "unit", doomed.getId());
        assertNotFound(() -> units.update(doomed.getId(), 1, dto("复活", UnitKind.COMMISSION, UnitLevel.DISTRICT,
                null)), "unit", doomed.getId());
        assertInvalid(() -> create("东区东街道", UnitLevel.TOWNSHIP, doomed), "validation.unknownReference",
                "parentId");
        assertEquals(t1, instant("deleted_at", doomed.getId()));
    }

    // --- tree -----------------------------------------------------------------------------

    @Test
    public void treeNestsChildrenInSortOrderThenName() {
        UnitDto rootB = dto("Root B", UnitKind.COMMISSION, UnitLevel.CITY, null);
        rootB.setSortOrder(2);
        rootB = units.create(rootB);
        UnitDto rootA = dto("Root A", UnitKind.SUPERVISED_BODY, UnitLevel.CITY, null);
        rootA.setSortOrder(1);
        rootA = units.create(rootA);
        for (Object[] child : new Object[][] {{"Gamma", 1}, {"Alpha", 2}, {"Beta", 1}}) {
            UnitDto c = dto((String) child[0], UnitKind.COMMISSION, UnitLevel.DISTRICT, rootB);
            c.setSortOrder((Integer) child[1]);
            units.create(c);
        }
        UnitDto beta = units.list(new UnitQuery().setName("Beta"), page(1, 1, null)).getItems().get(0);
        UnitDto leaf = create("Leaf", UnitKind.ORGAN_COMMITTEE, UnitLevel.TOWNSHIP, beta);
        create("Gone", UnitLevel.TOWNSHIP, beta);
        UnitDto gone = units.list(new UnitQuery().setName("Gone"), page(1, 1, null)).getItems().get(0);
        units.delete(gone.getId(), 0);

        List<UnitTreeNode> roots = units.tree();
        assertEquals(List.of("Root A", "Root B"), roots.stream().map(UnitTreeNode::getName).collect(Collectors.toList()));
        assertEquals(rootA.getId(), roots.get(0).getId());
        assertEquals(UnitKind.SUPERVISED_BODY, roots.get(0).getKind());
        assertEquals(List.of(), roots.get(0).getChildren());
        List<UnitTreeNode> children = roots.get(1).getChildren();
        assertEquals(List.of("Beta", "Gamma", "Alpha"),
                children.stream().map(UnitTreeNode::getName).collect(Collectors.toList()));
        assertEquals(UnitLevel.DISTRICT, children.get(0).getLevel());
        assertEquals(1, children.get(0).getChildren().size());
        UnitTreeNode leafNode = children.get(0).getChildren().get(0);
        assertEquals(leaf.getId(), leafNode.getId());
        assertEquals(UnitKind.ORGAN_COMMITTEE, leafNode.getKind());
        assertEquals(UnitLevel.TOWNSHIP, leafNode.getLevel());
        assertEquals(List.of(), leafNode.getChildren());
    }

    // --- supervision edges ----------------------------------------------------------------

    static SupervisionDto edge(UnitDto supervisor, UnitDto supervised, LocalDate from, LocalDate to) {
        SupervisionDto e = new SupervisionDto();
        e.setSupervisorId(supervisor == null ? null : supervisor.getId());
        e.setSupervisedId(supervised == null ? null : supervised.getId());
        e.setValidFrom(from);
        e.setValidTo(to);
        return e;
    }

    @Test
    public void supervisionEdgesAreCreatedListedUpdatedAndDeleted() {
        UnitDto group = create("派驻第一纪检监察组", UnitKind.DISPATCHED_GROUP, UnitLevel.CITY, null);
        UnitDto finance = create("市财政局", UnitKind.SUPERVISED_BODY, UnitLevel.CITY, null);
        UnitDto tax = create("市税务局", UnitKind.SUPERVISED_BODY, UnitLevel.CITY, null);
        UnitDto other = create("市教育局", UnitKind.SUPERVISED_BODY, UnitLevel.CITY, null);

        SupervisionDto in = edge(group, finance, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        in.setNote("  综合监督  ");
        SupervisionDto first = units.createSupervision(in);
        assertNotNull(first.getId());
        assertEquals(group.getId(), first.getSupervisorId());
        assertEquals(finance.getId(), first.getSupervisedId());
        assertEquals(LocalDate.of(2026, 1, 1), first.getValidFrom());
        assertEquals(LocalDate.of(2026, 6, 30), first.getValidTo());
        assertEquals("综合监督", first.getNote());
        assertEquals(Long.valueOf(0), first.getVersion());
        SupervisionDto earlier = units.createSupervision(edge(group, tax, LocalDate.of(2025, 7, 1), null));

        assertEquals(List.of(earlier.getId(), first.getId()), edgeIds(units.supervisions(group.getId())));
        assertEquals(List.of(first.getId()), edgeIds(units.supervisions(finance.getId())));
        assertEquals(List.of(), units.supervisions(other.getId()));
        assertEquals(List.of(List.of("2026-01-01", "2026-06-30", "综合监督")), TestDatabase.rows(
                "select valid_from::text, valid_to::text, note from pf_supervision where public_id = ?",
                first.getId().toString()));

        Instant t1 = clock.advance(Duration.ofHours(3));
        SupervisionDto change = edge(group, other, LocalDate.of(2026, 2, 1), null);
        SupervisionDto updated = units.updateSupervision(first.getId(), 0, change);
        assertEquals(Long.valueOf(1), updated.getVersion());
        assertEquals(other.getId(), updated.getSupervisedId());
        assertNull(updated.getValidTo());
        assertNull(updated.getNote());
        assertEquals(List.of(), units.supervisions(finance.getId()));
        assertEquals(List.of(first.getId()), edgeIds(units.supervisions(other.getId())));
        assertEquals(t1, TestDatabase.value(OffsetDateTime.class,
                "select updated_at from pf_supervision where public_id = ?", first.getId().toString()).toInstant());

        assertProblem(StaleVersionException.class, () -> units.updateSupervision(first.getId(), 0, change), 412,
                "stale-version", "problem.staleVersion");
        assertProblem(StaleVersionException.class, () -> units.deleteSupervision(first.getId(), 0), 412,
                "stale-version", "problem.staleVersion");

        units.deleteSupervision(first.getId(), 1);
        assertEquals(List.of(earlier.getId()), edgeIds(units.supervisions(group.getId())));
        assertEquals(List.of(), units.supervisions(other.getId()));
        assertEquals(true, TestDatabase.value("select deleted_at is not null from pf_supervision where public_id = ?",
                first.getId().toString()));
        assertNotFound(() -> units.updateSupervision(first.getId(), 2, change), "supervision", first.getId());
        assertNotFound(() -> units.deleteSupervision(first.getId(), 2), "supervision", first.getId());
        UUID unknown = UUID.randomUUID();
        assertNotFound(() -> units.supervisions(unknown), "unit", unknown);
    }

    private static List<UUID> edgeIds(List<SupervisionDto> edges) {
        return edges.stream().map(SupervisionDto::getId).collect(Collectors.toList());
    }

    @Test
    public void supervisionEdgesAreValidated() {
        UnitDto group = create("派驻组", UnitKind.DISPATCHED_GROUP, UnitLevel.CITY, null);
        UnitDto bureau = create("市财政局", UnitKind.SUPERVISED_BODY, UnitLevel.CITY, null);

        assertInvalid(() -> units.createSupervision(edge(group, bureau, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 2, 28))), "validation.endBeforeStart", "validTo");
        assertInvalid(() -> units.createSupervision(edge(group, group, LocalDate.of(2026, 3, 1), null)),
                "validation.selfSupervision", "supervisedId");
        assertInvalid(() -> units.createSupervision(edge(null, null, null, null)), "validation.required",
                "supervisorId", "supervisedId", "validFrom");
        SupervisionDto longNote = edge(group, bureau, LocalDate.of(2026, 3, 1), null);
        longNote.setNote("注".repeat(201));
        assertInvalid(() -> units.createSupervision(longNote), "validation.tooLong", "note");
        UnitDto ghost = new UnitDto();
        ghost.setId(UUID.randomUUID());
        assertInvalid(() -> units.createSupervision(edge(ghost, bureau, LocalDate.of(2026, 3, 1), null)),
                "validation.unknownReference", "supervisorId");
        assertInvalid(() -> units.createSupervision(edge(group, ghost, LocalDate.of(2026, 3, 1), null)),
                "validation.unknownReference", "supervisedId");
        assertInvalid(() -> units.createSupervision(null), "validation.required", "body");
        assertEquals(0L, TestDatabase.value("select count(*) from pf_supervision"));

        // a one-day edge is fine
        SupervisionDto oneDay = units.createSupervision(edge(group, bureau, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1)));
        assertInvalid(() -> units.updateSupervision(oneDay.getId(), 0, edge(bureau, bureau, LocalDate.of(2026, 3, 1),
                null)), "validation.selfSupervision", "supervisedId");
        assertEquals(0L, TestDatabase.value("select version from pf_supervision"));
    }

    // --- supervised closure ---------------------------------------------------------------

    private UnitDto city;
    private UnitDto district1;
    private UnitDto district2;
    private UnitDto township11;
    private UnitDto township12;
    private UnitDto township21;
    private UnitDto township22;
    private UnitDto group;
    private UnitDto department;
    private SupervisionDto groupEdge;

    /** city → 2 districts → 2 townships each; a dispatched group supervising a department in H1 2026. */
    private void organisation() {
        city = create("市纪委监委", UnitLevel.CITY, null);
        district1 = create("东区纪委", UnitLevel.DISTRICT, city);
        district2 = create("西区纪委", UnitLevel.DISTRICT, city);
        township11 = create("东区一街道", UnitLevel.TOWNSHIP, district1);
        township12 = create("东区二街道", UnitLevel.TOWNSHIP, district1);
        township21 = create("西区一街道", UnitLevel.TOWNSHIP, district2);
        township22 = create("西区二街道", UnitLevel.TOWNSHIP, district2);
        group = create("派驻市财政局纪检监察组", UnitKind.DISPATCHED_GROUP, UnitLevel.CITY, null);
        department = create("市财政局", UnitKind.SUPERVISED_BODY, UnitLevel.CITY, null);
        groupEdge = units.createSupervision(edge(group, department, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30)));
    }

    @Test
    public void supervisedClosureFollowsTheTreeAndDatedEdges() {
        organisation();
        assertEquals(ids(city, district1, district2, township11, township12, township21, township22),
                units.supervisedClosure(city.getId(), MARCH_15));
        assertEquals(ids(district1, township11, township12), units.supervisedClosure(district1.getId(), MARCH_15));
        assertEquals(ids(district2, township21, township22), units.supervisedClosure(district2.getId(), MARCH_15));
        assertEquals(ids(township11), units.supervisedClosure(township11.getId(), MARCH_15));
        assertEquals(ids(department), units.supervisedClosure(department.getId(), MARCH_15));

        assertEquals(ids(group, department), units.supervisedClosure(group.getId(), MARCH_15));
        assertEquals(ids(group, department), units.supervisedClosure(group.getId(), LocalDate.of(2026, 1, 1)));
        assertEquals(ids(group, department), units.supervisedClosure(group.getId(), LocalDate.of(2026, 6, 30)));
        assertEquals(ids(group), units.supervisedClosure(group.getId(), LocalDate.of(2025, 12, 31)));
        assertEquals(ids(group), units.supervisedClosure(group.getId(), LocalDate.of(2026, 7, 1)));
    }

    @Test
    public void supervisedClosureIsTransitiveThroughEdgesAndSurvivesCycles() {
        organisation();
        units.createSupervision(edge(district1, group, LocalDate.of(2026, 2, 1), null));
        assertEquals(ids(district1, township11, township12, group, department),
                units.supervisedClosure(district1.getId(), MARCH_15));
        assertEquals(ids(district1, township11, township12), units.supervisedClosure(district1.getId(),
                LocalDate.of(2026, 1, 31)));
        assertEquals(ids(district1, township11, township12, group), units.supervisedClosure(district1.getId(),
                LocalDate.of(2026, 7, 1)));
        assertEquals(ids(city, district1, district2, township11, township12, township21, township22, group,
                department), units.supervisedClosure(city.getId(), MARCH_15));

        // department → district1 closes a cycle district1 → group → department → district1
        units.createSupervision(edge(department, district1, LocalDate.of(2026, 1, 1), null));
        Set<UUID> cycle = ids(district1, township11, township12, group, department);
        assertEquals(cycle, units.supervisedClosure(department.getId(), MARCH_15));
        assertEquals(cycle, units.supervisedClosure(group.getId(), MARCH_15));
    }

    @Test
    public void supervisedClosureIgnoresDeletedEdgesAndUnits() {
        organisation();
        units.deleteSupervision(groupEdge.getId(), 0);
        assertEquals(ids(group), units.supervisedClosure(group.getId(), MARCH_15));

        units.delete(township22.getId(), 0);
        assertEquals(ids(district2, township21), units.supervisedClosure(district2.getId(), MARCH_15));
        assertEquals(6, units.supervisedClosure(city.getId(), MARCH_15).size());
        assertNotFound(() -> units.supervisedClosure(township22.getId(), MARCH_15), "unit", township22.getId());
    }

    @Test
    public void datesRoundTripUnshiftedInAZoneEastOfUtc() {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        try {
            organisation();
            assertEquals(List.of("2026-01-01", "2026-06-30"), TestDatabase.rows(
                    "select valid_from::text, valid_to::text from pf_supervision").get(0));
            SupervisionDto read = units.supervisions(group.getId()).get(0);
            assertEquals(LocalDate.of(2026, 1, 1), read.getValidFrom());
            assertEquals(LocalDate.of(2026, 6, 30), read.getValidTo());
            assertEquals(ids(group, department), units.supervisedClosure(group.getId(), LocalDate.of(2026, 1, 1)));
            assertEquals(ids(group), units.supervisedClosure(group.getId(), LocalDate.of(2026, 7, 1)));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    public void listOfAHugePageNumberIsEmpty() {
        create("市纪委监委", UnitLevel.CITY, null);
        Page<UnitDto> far = units.list(new UnitQuery(), page(1_000_000, 200, null));
        assertEquals(1, far.getTotal());
        assertEquals(List.of(), far.getItems());
    }

    @Test
    public void listOfTheLargestPageNumberIsEmpty() {
        create("市纪委监委", UnitLevel.CITY, null);
        Page<UnitDto> far = units.list(new UnitQuery(), page(Integer.MAX_VALUE, 200, null));
        assertEquals(List.of(), far.getItems());
    }
}
