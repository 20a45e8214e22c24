package org.qinglian.platform.core.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.qinglian.platform.api.ConflictException;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.demo.DemoData;
import org.qinglian.platform.api.demo.DemoScale;
import org.qinglian.platform.api.demo.DemoSummary;
import org.qinglian.platform.api.spi.DemoDataContributor;
import org.qinglian.platform.core.DatabaseTestCase;
import org.qinglian.platform.testing.TestDatabase;

/**
 * The demo city on PostgreSQL: its shape (1 city commission, 12 districts, 150 townships, 80 organ
 * committees, 10 dispatched groups supervising the city's departments), the roster's size and
 * flags, the same data for the same seed, contributors called with it, and no second run into a
 * database that has units.
 */
public class DemoDataGeneratorTest extends DatabaseTestCase {

    private DemoDataGeneratorImpl generator() {
        return new DemoDataGeneratorImpl(jpa, clock, audit);
    }

    private static List<List<Object>> roster() {
        return TestDatabase.rows("select p.name, p.gender, p.rank_code, p.top_leader, u.code from pf_person p"
                + " join pf_unit u on u.id = p.unit_id order by u.code, p.id");
    }

    @Test
    public void theSmallCityHasTheShapeOfARealOne() {
        List<String> steps = new ArrayList<>();
        List<DemoData> seen = new ArrayList<>();
        DemoDataGeneratorImpl g = generator();
        g.addContributor(new DemoDataContributor() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public Map<String, Long> contribute(DemoData data) {
                seen.add(data);
                return Map.of("probes", 1L);
            }
        });
        DemoSummary summary = g.generate(DemoScale.SMALL, 42, (step, done, total) -> steps.add(step + done));

        assertEquals(253L, (long) summary.counts().get("units"));
        assertEquals(1L, units(UnitKind.COMMISSION, UnitLevel.CITY));
        assertEquals(12L, units(UnitKind.COMMISSION, UnitLevel.DISTRICT));
        assertEquals(150L, units(UnitKind.COMMISSION, UnitLevel.TOWNSHIP));
        assertEquals(80L, TestDatabase.value("select count(*) from pf_unit where kind = 'ORGAN_COMMITTEE'"));
        assertEquals(10L, TestDatabase.value("select count(*) from pf_unit where kind = 'DISPATCHED_GROUP'"));
        assertEquals(40L, summary.counts().get("supervisions").longValue());
        assertEquals("every township hangs under a district", 0L, TestDatabase.value("select count(*) from pf_unit t"
                + " join pf_unit d on d.id = t.parent_id where t.level = 'TOWNSHIP' and d.level <> 'DISTRICT'"));

        long people = (Long) TestDatabase.value("select count(*) from pf_person");
        assertEquals(people, summary.counts().get("people").longValue());
        assertTrue("about 2,000 people: " + people, people >= 1900 && people <= 2300);
        assertEquals("one top leader per unit", 253L, TestDatabase.value("select count(*) from pf_person where top_leader"));
        assertEquals(people, TestDatabase.value("select count(*) from pf_person_position"));
        assertEquals("ranks are dictionary codes", 0L, TestDatabase.value("select count(*) from pf_person p where"
                + " not exists (select 1 from pf_dictionary_item i where i.code = p.rank_code)"));

        assertEquals(1, seen.size());
        assertEquals(253, seen.get(0).units().size());
        assertTrue(seen.get(0).people(seen.get(0).units().get(0).getId()).size() > 10);
        assertEquals(1L, summary.counts().get("probes").longValue());
        assertTrue(steps.contains("units253"));
        assertEquals(1, audit.separately("demo.generate").size());
        assertThrows(ConflictException.class, () -> generator().generate(DemoScale.SMALL, 42, (s, d, t) -> { }));
    }

    private static long units(UnitKind kind, UnitLevel level) {
        return (Long) TestDatabase.value("select count(*) from pf_unit where kind = '" + kind + "' and level = '"
                + level + "'");
    }

    @Test
    public void theSameSeedGivesTheSameCityAndAnotherSeedAnother() {
        generator().generate(DemoScale.SMALL, 7, (s, d, t) -> { });
        List<List<Object>> first = roster();
        List<List<Object>> names = TestDatabase.rows("select name, code from pf_unit order by code");
        freshDatabase();
        generator().generate(DemoScale.SMALL, 7, (s, d, t) -> { });
        assertEquals(first, roster());
        assertEquals(names, TestDatabase.rows("select name, code from pf_unit order by code"));
        freshDatabase();
        generator().generate(DemoScale.SMALL, 8, (s, d, t) -> { });
        assertTrue(!first.equals(roster()));
    }
}
