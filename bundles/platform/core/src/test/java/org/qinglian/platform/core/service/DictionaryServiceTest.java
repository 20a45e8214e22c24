package org.qinglian.platform.core.service;

import org.qinglian.platform.testing.TestDatabase;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.core.ProblemAssert.assertInvalid;
import static org.qinglian.platform.core.ProblemAssert.assertNotFound;
import static org.qinglian.platform.core.ProblemAssert.assertProblem;
import static org.qinglian.platform.core.ProblemAssert.fields;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Test;
import org.qinglian.platform.api.DictionaryDto;
import org.qinglian.platform.api.DictionaryItemDto;
import org.qinglian.platform.api.ProblemException;
import org.qinglian.platform.api.StaleVersionException;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.core.DatabaseTestCase;

public class DictionaryServiceTest extends DatabaseTestCase {

    private static DictionaryItemDto item(String code, String zh, String en, Integer sortOrder, Boolean active) {
        DictionaryItemDto i = new DictionaryItemDto();
        i.setCode(code);
        i.setLabelZh(zh);
        i.setLabelEn(en);
        i.setSortOrder(sortOrder);
        i.setActive(active);
        return i;
    }

    private static List<String> codes(List<DictionaryItemDto> items) {
        return items.stream().map(DictionaryItemDto::getCode).collect(Collectors.toList());
    }

    private DictionaryItemDto find(String dictionary, String code) {
        return dictionaries.items(dictionary).stream().filter(i -> i.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + dictionary));
    }

    @Test
    public void genderAndRankAreSeededInBothLanguages() {
        List<DictionaryDto> all = dictionaries.dictionaries();
        assertEquals(List.of("gender", "rank"), all.stream().map(DictionaryDto::getCode).collect(Collectors.toList()));
        assertEquals("性别", all.get(0).getNameZh());
        assertEquals("Gender", all.get(0).getNameEn());
        assertEquals("职级", all.get(1).getNameZh());
        assertEquals("Rank", all.get(1).getNameEn());

        List<DictionaryItemDto> gender = dictionaries.items("gender");
        assertEquals(List.of("male", "female"), codes(gender));
        assertEquals("男", gender.get(0).getLabelZh());
        assertEquals("Male", gender.get(0).getLabelEn());
        assertEquals("女", gender.get(1).getLabelZh());
        assertEquals("Female", gender.get(1).getLabelEn());
        assertEquals(UUID.fromString("6f1b2a34-0001-4000-8000-000000000001"), gender.get(0).getId());

        List<DictionaryItemDto> rank = dictionaries.items("rank");
        assertEquals(List.of("bureau-chief", "bureau-deputy", "division-chief", "division-deputy", "section-chief",
                "section-deputy", "staff"), codes(rank));
        assertEquals(List.of("正厅级", "副厅级", "正处级", "副处级", "正科级", "副科级", "科员"),
                rank.stream().map(DictionaryItemDto::getLabelZh).collect(Collectors.toList()));
        assertEquals(List.of("Bureau chief", "Deputy bureau chief", "Division chief", "Deputy division chief",
                "Section chief", "Deputy section chief", "Staff member"),
                rank.stream().map(DictionaryItemDto::getLabelEn).collect(Collectors.toList()));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7),
                rank.stream().map(DictionaryItemDto::getSortOrder).collect(Collectors.toList()));
        for (DictionaryItemDto i : rank) {
            assertEquals(Boolean.TRUE, i.getActive());
            assertEquals(Long.valueOf(0), i.getVersion());
            assertTrue(i.getCode(), dictionaries.isActiveCode("rank", i.getCode()));
        }
    }

    @Test
    public void createItemAddsAnActiveItemInSortOrder() {
        DictionaryItemDto created = dictionaries.createItem("rank",
                item("level-1", " 一级主任科员 ", " First-level principal staff member ", 0, null));
        assertNotNull(created.getId());
        assertEquals("level-1", created.getCode());
        assertEquals("一级主任科员", created.getLabelZh());
        assertEquals("First-level principal staff member", created.getLabelEn());
        assertEquals(Integer.valueOf(0), created.getSortOrder());
        assertEquals(Boolean.TRUE, created.getActive());
        assertEquals(Long.valueOf(0), created.getVersion());

        List<DictionaryItemDto> rank = dictionaries.items("rank");
        assertEquals(8, rank.size());
        assertEquals("level-1", rank.get(0).getCode());
        assertEquals(created.getId(), rank.get(0).getId());
        assertTrue(dictionaries.isActiveCode("rank", "level-1"));
        assertFalse(dictionaries.isActiveCode("gender", "level-1"));
        assertEquals(List.of("rank", "一级主任科员", true, 0L), TestDatabase.rows("select d.code, i.label_zh, i.active,"
                + " i.version from pf_dictionary_item i join pf_dictionary d on d.id = i.dictionary_id"
                + " where i.code = 'level-1'").get(0));
        assertEquals(T0, TestDatabase.value(OffsetDateTime.class,
                "select created_at from pf_dictionary_item where code = 'level-1'").toInstant());

        // same code in another dictionary is another item; sort order defaults to 0
        DictionaryItemDto other = dictionaries.createItem("gender", item("level-1", "其他", "Other", null, true));
        assertEquals(Integer.valueOf(0), other.getSortOrder());
        assertEquals(List.of("level-1", "male", "female"), codes(dictionaries.items("gender")));
    }

    @Test
    public void updateItemChangesLabelsAndActivity() {
        DictionaryItemDto staff = find("rank", "staff");
        Instant t1 = clock.advance(Duration.ofDays(2));
        DictionaryItemDto updated = dictionaries.updateItem("rank", staff.getId(), 0,
                item("staff", "科员（旧）", "Staff member (old)", 9, false));
        assertEquals(staff.getId(), updated.getId());
        assertEquals("科员（旧）", updated.getLabelZh());
        assertEquals("Staff member (old)", updated.getLabelEn());
        assertEquals(Boolean.FALSE, updated.getActive());
        assertEquals(Long.valueOf(1), updated.getVersion());
        assertFalse(dictionaries.isActiveCode("rank", "staff"));
        // inactive items are still listed, marked inactive
        DictionaryItemDto listed = find("rank", "staff");
        assertEquals(Boolean.FALSE, listed.getActive());
        assertEquals(Long.valueOf(1), listed.getVersion());
        assertEquals(t1, TestDatabase.value(OffsetDateTime.class,
                "select updated_at from pf_dictionary_item where code = 'staff'").toInstant());

        StaleVersionException stale = assertProblem(StaleVersionException.class, () -> dictionaries.updateItem("rank",
                staff.getId(), 0, item("staff", "科员", "Staff", 7, true)), 412, "stale-version", "problem.staleVersion");
        assertArrayEquals(new Object[] {0L, 1L}, stale.getArgs());
        assertFalse(dictionaries.isActiveCode("rank", "staff"));

        dictionaries.updateItem("rank", staff.getId(), 1, item("staff", "科员", "Staff member", 7, true));
        assertTrue(dictionaries.isActiveCode("rank", "staff"));
    }

    @Test
    public void duplicateCodeInOneDictionaryIs409NamingCode() {
        ProblemException e = assertProblem(ProblemException.class, () -> dictionaries.createItem("gender",
                item("male", "男性", "Man", 3, true)), 409, "duplicate", "problem.duplicate");
        assertEquals(List.of("code"), fields(e));
        assertEquals("validation.duplicate", e.getViolations().get(0).getMessageKey());
        assertArrayEquals(new Object[] {"male"}, e.getViolations().get(0).getArgs());
        assertEquals(2L, TestDatabase.value("select count(*) from pf_dictionary_item where dictionary_id = -1"));

        DictionaryItemDto female = find("gender", "female");
        ProblemException onUpdate = assertProblem(ProblemException.class, () -> dictionaries.updateItem("gender",
                female.getId(), 0, item("male", "女", "Female", 2, true)), 409, "duplicate", "problem.duplicate");
        assertEquals(List.of("code"), fields(onUpdate));
        assertEquals("female", find("gender", "female").getCode());

        // keeping its own code is no duplicate
        assertEquals(Long.valueOf(1), dictionaries.updateItem("gender", female.getId(), 0,
                item("female", "女性", "Female", 2, true)).getVersion());
    }

    @Test
    public void unknownDictionaryIs404() {
        assertNotFound(() -> dictionaries.items("nope"), "dictionary", "nope");
        assertNotFound(() -> dictionaries.createItem("nope", item("a", "甲", "A", 1, true)), "dictionary", "nope");
        DictionaryItemDto male = find("gender", "male");
        assertNotFound(() -> dictionaries.updateItem("nope", male.getId(), 0, item("male", "男", "Male", 1, true)),
                "dictionary", "nope");
        assertFalse(dictionaries.isActiveCode("nope", "male"));
        assertEquals(9L, TestDatabase.value("select count(*) from pf_dictionary_item"));
    }

    @Test
    public void anItemIsOnlyFoundInItsOwnDictionary() {
        DictionaryItemDto male = find("gender", "male");
        assertNotFound(() -> dictionaries.updateItem("rank", male.getId(), 0, item("male", "男", "Male", 1, true)),
                "dictionaryItem", male.getId());
        UUID ghost = UUID.randomUUID();
        assertNotFound(() -> dictionaries.updateItem("rank", ghost, 0, item("x", "甲", "A", 1, true)),
                "dictionaryItem", ghost);
        assertEquals(0L, TestDatabase.value("select version from pf_dictionary_item where code = 'male'"));
    }

    @Test
    public void isActiveCodeIsExact() {
        assertTrue(dictionaries.isActiveCode("gender", "male"));
        assertFalse(dictionaries.isActiveCode("gender", "MALE"));
        assertFalse(dictionaries.isActiveCode("gender", "staff"));
        assertFalse(dictionaries.isActiveCode("rank", "male"));
        assertFalse(dictionaries.isActiveCode("gender", "mal"));
        dictionaries.createItem("gender", item("unknown", "未知", "Unknown", 3, false));
        assertFalse(dictionaries.isActiveCode("gender", "unknown"));
    }

    @Test
    public void itemsAreValidated() {
        ValidationException e = assertInvalid(() -> dictionaries.createItem("gender", item(null, null, "", 1, true)),
                "validation.required", "code", "labelZh", "labelEn");
        assertEquals(3, e.getViolations().size());
        assertInvalid(() -> dictionaries.createItem("gender", item("a b", "甲", "A", 1, true)), "validation.code",
                "code");
        assertInvalid(() -> dictionaries.createItem("gender", item("c".repeat(33), "甲", "A", 1, true)),
                "validation.tooLong", "code");
        assertInvalid(() -> dictionaries.createItem("gender", item("a", "甲".repeat(101), "A", 1, true)),
                "validation.tooLong", "labelZh");
        assertInvalid(() -> dictionaries.createItem("gender", item("a", "甲", "A".repeat(201), 1, true)),
                "validation.tooLong", "labelEn");
        assertInvalid(() -> dictionaries.createItem("gender", null), "validation.required", "body");
        assertEquals(2, dictionaries.items("gender").size());
    }
}
