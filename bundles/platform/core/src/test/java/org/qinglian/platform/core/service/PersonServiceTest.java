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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.DictionaryItemDto;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.PersonQuery;
import org.qinglian.platform.api.PersonService;
import org.qinglian.platform.api.PositionDto;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.StaleVersionException;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.core.DatabaseTestCase;

public class PersonServiceTest extends DatabaseTestCase {

    private UnitDto east;
    private UnitDto west;

    @Before
    public void twoUnits() {
        east = units.create(UnitServiceTest.dto("东区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, null));
        west = units.create(UnitServiceTest.dto("西区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, null));
    }

    private static PersonDto person(String name, UnitDto unit) {
        PersonDto p = new PersonDto();
        p.setName(name);
        p.setUnitId(unit == null ? null : unit.getId());
        return p;
    }

    private static PositionDto position(String title, UnitDto unit, LocalDate start, LocalDate end) {
        PositionDto p = new PositionDto();
        p.setTitle(title);
        p.setUnitId(unit == null ? null : unit.getId());
        p.setStartDate(start);
        p.setEndDate(end);
        return p;
    }

    private static List<String> titles(PersonDto p) {
        return p.getPositions().stream().map(PositionDto::getTitle).collect(Collectors.toList());
    }

    private List<String> names(PersonQuery query) {
        return people.list(query, PageRequest.of(1, 50, "name", PersonService.SORTABLE)).getItems().stream()
                .map(PersonDto::getName).collect(Collectors.toList());
    }

    private static List<List<Object>> positionRows(UUID person) {
        return TestDatabase.rows("select pp.position_index, pp.title, u.public_id, pp.start_date::text,"
                + " pp.end_date::text from pf_person_position pp join pf_person p on p.id = pp.person_id"
                + " left join pf_unit u on u.id = pp.unit_id where p.public_id = ? order by pp.position_index",
                person.toString());
    }

    private PersonDto zhangSan() {
        PersonDto in = person("  张三 ", east);
        in.setExternalId("hr-0001");
        in.setGender("male");
        in.setBirthDate(LocalDate.of(1975, 5, 1));
        in.setRank("division-chief");
        in.setTopLeader(true);
        in.setLeadershipMember(true);
        in.getPositions().add(position(" 书记 ", east, LocalDate.of(2020, 1, 1), null));
        in.getPositions().add(position("副书记", west, LocalDate.of(2015, 3, 1), LocalDate.of(2019, 12, 31)));
        in.getPositions().add(position("科员", null, LocalDate.of(2000, 7, 1), LocalDate.of(2015, 2, 28)));
        return in;
    }

    @Test
    public void createStoresThePersonWithOrderedPositions() {
        PersonDto created = people.create(zhangSan());
        assertNotNull(created.getId());
        assertEquals("张三", created.getName());
        assertEquals("hr-0001", created.getExternalId());
        assertEquals("male", created.getGender());
        assertEquals(LocalDate.of(1975, 5, 1), created.getBirthDate());
        assertEquals(east.getId(), created.getUnitId());
        assertEquals("division-chief", created.getRank());
        assertEquals(true, created.isTopLeader());
        assertEquals(true, created.isLeadershipMember());
        assertEquals(false, created.isYoungCadre());
        assertEquals(false, created.isInspectionCadre());
        assertEquals(Long.valueOf(0), created.getVersion());
        assertEquals(T0, created.getCreatedAt());
        assertEquals(T0, created.getUpdatedAt());
        assertEquals(List.of("书记", "副书记", "科员"), titles(created));

        PersonDto read = people.get(created.getId());
        assertEquals("张三", read.getName());
        assertEquals(List.of("书记", "副书记", "科员"), titles(read));
        PositionDto second = read.getPositions().get(1);
        assertEquals(west.getId(), second.getUnitId());
        assertEquals(LocalDate.of(2015, 3, 1), second.getStartDate());
        assertEquals(LocalDate.of(2019, 12, 31), second.getEndDate());
        assertNull(read.getPositions().get(0).getEndDate());
        assertNull(read.getPositions().get(2).getUnitId());

        assertEquals(List.of(
                Arrays.asList(0, "书记", east.getId().toString(), "2020-01-01", null),
                Arrays.asList(1, "副书记", west.getId().toString(), "2015-03-01", "2019-12-31"),
                Arrays.asList(2, "科员", null, "2000-07-01", "2015-02-28")), positionRows(created.getId()));
        assertEquals(Arrays.asList("张三", "male", "1975-05-01", "division-chief", true, true, false, false, 0L),
                TestDatabase.rows("select name, gender, birth_date::text, rank_code, top_leader, leadership_member,"
                        + " young_cadre, inspection_cadre, version from pf_person").get(0));
        assertEquals(T0, TestDatabase.value(OffsetDateTime.class, "select created_at from pf_person").toInstant());
    }

    @Test
    public void listFiltersByUnitNameAndFlags() {
        PersonDto a = person("张三", east);
        a.setTopLeader(true);
        a.setLeadershipMember(true);
        a.setBirthDate(LocalDate.of(1970, 1, 1));
        people.create(a);
        PersonDto b = person("张三丰", west);
        b.setYoungCadre(true);
        b.setBirthDate(LocalDate.of(1995, 1, 1));
        people.create(b);
        PersonDto c = person("李四", east);
        c.setInspectionCadre(true);
        c.setBirthDate(LocalDate.of(1985, 1, 1));
        people.create(c);
        PersonDto d = person("王五", west);
        d.setLeadershipMember(true);
        d.setBirthDate(LocalDate.of(1980, 1, 1));
        people.create(d);

        assertEquals(List.of("张三", "李四"), sorted(names(new PersonQuery().setUnitId(east.getId()))));
        assertEquals(List.of("张三", "张三丰"), sorted(names(new PersonQuery().setName("张三"))));
        assertEquals(List.of("张三丰"), names(new PersonQuery().setName("三丰")));
        assertEquals(List.of("张三"), names(new PersonQuery().setTopLeader(true)));
        assertEquals(3, names(new PersonQuery().setTopLeader(false)).size());
        assertEquals(List.of("张三", "王五"), sorted(names(new PersonQuery().setLeadershipMember(true))));
        assertEquals(List.of("张三丰"), names(new PersonQuery().setYoungCadre(true)));
        assertEquals(List.of("李四"), names(new PersonQuery().setInspectionCadre(true)));
        assertEquals(List.of("王五"), names(new PersonQuery().setUnitId(west.getId()).setLeadershipMember(true)));
        assertEquals(List.of(), names(new PersonQuery().setUnitId(west.getId()).setTopLeader(true)));
        assertEquals(List.of(), names(new PersonQuery().setUnitId(UUID.randomUUID())));

        Page<PersonDto> page = people.list(new PersonQuery(), PageRequest.of(2, 3, "-birthDate",
                PersonService.SORTABLE));
        assertEquals(4, page.getTotal());
        assertEquals(List.of("张三"), page.getItems().stream().map(PersonDto::getName).collect(Collectors.toList()));
        Page<PersonDto> first = people.list(new PersonQuery(), PageRequest.of(1, 3, "-birthDate",
                PersonService.SORTABLE));
        assertEquals(List.of("张三丰", "李四", "王五"),
                first.getItems().stream().map(PersonDto::getName).collect(Collectors.toList()));
        assertEquals(west.getId(), first.getItems().get(0).getUnitId());
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(null);
        return copy;
    }

    @Test
    public void codesMustBeActiveItemsOfTheirDictionaries() {
        PersonDto p = person("张三", east);
        p.setRank("general");
        p.setGender("staff");
        ValidationException e = assertInvalid(() -> people.create(p), "validation.unknownCode", "gender", "rank");
        assertArrayEquals(new Object[] {"staff"}, e.getViolations().get(0).getArgs());
        assertArrayEquals(new Object[] {"general"}, e.getViolations().get(1).getArgs());

        p.setGender("female");
        p.setRank("staff");
        assertEquals("staff", people.create(p).getRank());

        DictionaryItemDto staff = dictionaries.items("rank").stream().filter(i -> i.getCode().equals("staff"))
                .findFirst().orElseThrow();
        staff.setActive(false);
        dictionaries.updateItem("rank", staff.getId(), staff.getVersion(), staff);
        assertInvalid(() -> people.create(p), "validation.unknownCode", "rank");
        assertEquals(1L, TestDatabase.value("select count(*) from pf_person"));
    }

    @Test
    public void aRankDeactivatedLaterMayStayOnThePerson() {
        PersonDto p = person("张三", east);
        p.setRank("staff");
        PersonDto created = people.create(p);
        DictionaryItemDto staff = dictionaries.items("rank").stream().filter(i -> i.getCode().equals("staff"))
                .findFirst().orElseThrow();
        staff.setActive(false);
        dictionaries.updateItem("rank", staff.getId(), staff.getVersion(), staff);

        p.setName("张三（已退休）");
        assertEquals("张三（已退休）", people.update(created.getId(), 0, p).getName());
    }

    @Test
    public void positionsAreValidatedAndNamedByIndex() {
        PersonDto p = person("张三", east);
        p.getPositions().add(position("书记", east, LocalDate.of(2020, 1, 1), LocalDate.of(2019, 12, 31)));
        assertInvalid(() -> people.create(p), "validation.endBeforeStart", "positions[0].endDate");

        p.getPositions().set(0, position("书记", east, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1)));
        p.getPositions().add(position(" ", null, null, null));
        p.getPositions().add(null);
        ValidationException e = assertInvalid(() -> people.create(p), "validation.required",
                "positions[1].title", "positions[1].startDate", "positions[2]");
        assertEquals(3, e.getViolations().size());

        PersonDto unknownUnit = person("张三", east);
        UUID ghost = UUID.randomUUID();
        PositionDto elsewhere = position("书记", null, LocalDate.of(2020, 1, 1), null);
        elsewhere.setUnitId(ghost);
        unknownUnit.getPositions().add(elsewhere);
        assertInvalid(() -> people.create(unknownUnit), "validation.unknownReference", "positions[0].unitId");

        PersonDto many = person("张三", east);
        for (int i = 0; i < 51; i++) {
            many.getPositions().add(position("职务" + i, null, LocalDate.of(2000, 1, 1), null));
        }
        ValidationException tooMany = assertInvalid(() -> people.create(many), "validation.tooMany", "positions");
        assertArrayEquals(new Object[] {50}, tooMany.getViolations().get(0).getArgs());
        assertEquals(0L, TestDatabase.value("select count(*) from pf_person"));
        assertEquals(0L, TestDatabase.value("select count(*) from pf_person_position"));

        many.getPositions().remove(50);
        assertEquals(50, people.create(many).getPositions().size());
        assertEquals(49, TestDatabase.value("select max(position_index) from pf_person_position"));
    }

    @Test
    public void unitIsRequiredAndMustExist() {
        UUID ghost = UUID.randomUUID();
        PersonDto p = person("张三", null);
        p.setUnitId(ghost);
        ValidationException e = assertInvalid(() -> people.create(p), "validation.unknownReference", "unitId");
        assertArrayEquals(new Object[] {ghost.toString()}, e.getViolations().get(0).getArgs());
        assertInvalid(() -> people.create(person("张三", null)), "validation.required", "unitId");
        assertInvalid(() -> people.create(person(" ", east)), "validation.required", "name");
        assertInvalid(() -> people.create(person("张".repeat(51), east)), "validation.tooLong", "name");
        assertEquals("张".repeat(50), people.create(person("张".repeat(50), east)).getName());
        assertInvalid(() -> people.create(null), "validation.required", "body");
    }

    @Test
    public void birthDateMayBeTodayInShanghaiButNotLater() {
        // T0 is 2026-03-01 17:30 UTC, already 2026-03-02 in the business zone
        PersonDto p = person("张三", east);
        p.setBirthDate(LocalDate.of(2026, 3, 2));
        assertEquals(LocalDate.of(2026, 3, 2), people.create(p).getBirthDate());
        p.setBirthDate(LocalDate.of(2026, 3, 3));
        assertInvalid(() -> people.create(p), "validation.inFuture", "birthDate");
    }

    @Test
    public void updateReplacesFieldsAndPositions() {
        PersonDto created = people.create(zhangSan());
        Instant t1 = clock.advance(Duration.ofDays(1));
        PersonDto change = person("张三", west);
        change.setRank("bureau-deputy");
        change.setYoungCadre(true);
        change.getPositions().add(position("主任", west, LocalDate.of(2026, 1, 1), null));
        PersonDto updated = people.update(created.getId(), 0, change);

        assertEquals(Long.valueOf(1), updated.getVersion());
        assertEquals(west.getId(), updated.getUnitId());
        assertEquals("bureau-deputy", updated.getRank());
        assertNull(updated.getGender());
        assertNull(updated.getExternalId());
        assertEquals(false, updated.isTopLeader());
        assertEquals(true, updated.isYoungCadre());
        assertEquals(T0, updated.getCreatedAt());
        assertEquals(t1, updated.getUpdatedAt());
        assertEquals(List.of("主任"), titles(updated));
        assertEquals(List.of(Arrays.asList(0, "主任", west.getId().toString(), "2026-01-01", null)),
                positionRows(created.getId()));
        assertEquals(List.of("主任"), titles(people.get(created.getId())));

        change.setPositions(null);
        PersonDto cleared = people.update(created.getId(), 1, change);
        assertEquals(List.of(), cleared.getPositions());
        assertEquals(List.of(), positionRows(created.getId()));
        assertEquals(2L, TestDatabase.value("select version from pf_person"));
    }

    @Test
    public void updateWithAStaleVersionIs412AndChangesNothing() {
        PersonDto created = people.create(zhangSan());
        clock.advance(Duration.ofHours(1));
        PersonDto change = person("李四", west);
        StaleVersionException e = assertProblem(StaleVersionException.class,
                () -> people.update(created.getId(), 1, change), 412, "stale-version", "problem.staleVersion");
        assertArrayEquals(new Object[] {1L, 0L}, e.getArgs());
        assertEquals(List.of("张三", 0L), TestDatabase.rows("select name, version from pf_person").get(0));
        assertEquals(3, positionRows(created.getId()).size());
        UUID ghost = UUID.randomUUID();
        assertNotFound(() -> people.update(ghost, 0, change), "person", ghost);
    }

    @Test
    public void deleteSoftDeletes() {
        PersonDto created = people.create(zhangSan());
        people.create(person("李四", east));
        Instant t1 = clock.advance(Duration.ofHours(5));

        assertProblem(StaleVersionException.class, () -> people.delete(created.getId(), 1), 412, "stale-version",
                "problem.staleVersion");
        people.delete(created.getId(), 0);

        assertNotFound(() -> people.get(created.getId()), "person", created.getId());
        assertEquals(List.of("李四"), names(new PersonQuery()));
        assertEquals(List.of("李四"), names(new PersonQuery().setUnitId(east.getId())));
        assertEquals(List.of(Arrays.asList("张三", 1L)),
                TestDatabase.rows("select name, version from pf_person where deleted_at is not null"));
        assertEquals(t1, TestDatabase.value(OffsetDateTime.class,
                "select deleted_at from pf_person where public_id = ?", created.getId().toString()).toInstant());
        assertEquals(3, positionRows(created.getId()).size());
        assertNotFound(() -> people.delete(created.getId(), 1), "person", created.getId());
    }

    @Test
    public void externalIdIsUniqueAmongLivePeople() {
        PersonDto first = people.create(zhangSan());
        PersonDto twin = person("张三", west);
        twin.setExternalId("hr-0001");
        ProblemException e = assertProblem(ProblemException.class, () -> people.create(twin), 409, "duplicate",
                "problem.duplicate");
        assertEquals(List.of("externalId"), fields(e));
        assertArrayEquals(new Object[] {"hr-0001"}, e.getViolations().get(0).getArgs());

        assertEquals("hr-0001", people.update(first.getId(), 0, zhangSan()).getExternalId());
        people.delete(first.getId(), 1);
        assertEquals("hr-0001", people.create(twin).getExternalId());
        assertEquals(2L, TestDatabase.value("select count(*) from pf_person where external_id = 'hr-0001'"));
    }
}
