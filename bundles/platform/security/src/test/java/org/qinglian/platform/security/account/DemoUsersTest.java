package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.Test;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.demo.DemoData;
import org.qinglian.platform.api.demo.DemoScale;
import org.qinglian.platform.testing.TestDatabase;

/** The demo city's users: an admin and an officer per unit, a leader per commission, who can sign in. */
public class DemoUsersTest extends AccountsTestCase {

    private static UnitDto unit(UUID id, String code, UnitKind kind) {
        UnitDto u = new UnitDto();
        u.setId(id);
        u.setCode(code);
        u.setName(code + "单位");
        u.setKind(kind);
        return u;
    }

    @Test
    public void everyUnitGetsItsUsersWithTheDemoPassword() {
        List<UnitDto> units = List.of(unit(CITY, "city", UnitKind.COMMISSION), unit(DISTRICT, "d01", UnitKind.COMMISSION),
                unit(TOWNSHIP, "town", UnitKind.SUPERVISED_BODY));
        List<String> steps = new ArrayList<>();
        DemoData data = new DemoData() {
            public DemoScale scale() { return DemoScale.SMALL; }
            public long seed() { return 1; }
            public Random random(String purpose) { return new Random(1); }
            public List<UnitDto> units() { return units; }
            public List<UUID> people(UUID unitId) { return List.of(); }
            public void progress(String step, long done, long total) { steps.add(step + " " + done + "/" + total); }
        };
        Map<String, Long> counts = new DemoUsers(jpa, HASHER, clock).contribute(data);
        assertEquals(Map.of("users", 8L), counts);
        assertEquals(List.of(List.of("city-admin", "unit-admin"), List.of("city-leader", "leader"),
                List.of("city-officer", "supervisor"), List.of("d01-admin", "unit-admin"), List.of("d01-leader", "leader"),
                List.of("d01-officer", "supervisor"), List.of("town-admin", "unit-admin"),
                List.of("town-officer", "supervisor")), TestDatabase.rows("select u.username, r.code from pf_user u"
                + " join pf_user_role ur on ur.user_id = u.id join pf_role r on r.id = ur.role_id"
                + " where u.username <> 'admin' order by u.username"));
        assertTrue(steps.contains("users 8/8"));
        assertTrue(accounts.login("d01-officer", DemoUsers.PASSWORD, "127.0.0.1").isOk());
        assertFalse("no forced change: the demo is for trying out",
                accounts.login("d01-officer", DemoUsers.PASSWORD, "127.0.0.1").isMustChangePassword());
        assertEquals(DISTRICT, accounts.profile(UUID.fromString((String) TestDatabase.value(
                "select public_id from pf_user where username = 'd01-officer'"))).unitId());
    }
}
