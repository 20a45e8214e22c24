package org.qinglian.platform.security.account;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.Test;

/** Permission comparison on Shiro's WildcardPermission. */
public class PermissionsTest {

    @Test
    public void allImpliesEverything() {
        assertTrue(Permissions.implies(Set.of("*"), "platform:units-read"));
        assertTrue(Permissions.implies(Set.of("*"), "talks:read"));
        assertTrue(Permissions.implies(Set.of("*"), "platform:*"));
    }

    @Test
    public void aModuleWildcardImpliesTheModulesPermissionsOnly() {
        assertTrue(Permissions.implies(Set.of("platform:*"), "platform:units-read"));
        assertTrue(Permissions.implies(Set.of("platform:*"), "platform:users-write"));
        assertFalse(Permissions.implies(Set.of("platform:*"), "talks:read"));
        assertFalse(Permissions.implies(Set.of("platform:*"), "*"));
    }

    @Test
    public void aPermissionImpliesItselfAndNothingWider() {
        assertTrue(Permissions.implies(Set.of("platform:units-read"), "platform:units-read"));
        assertFalse(Permissions.implies(Set.of("platform:units-read"), "platform:units-write"));
        assertFalse(Permissions.implies(Set.of("platform:units-read"), "platform:*"));
        assertFalse(Permissions.implies(Set.of("platform:units-read"), "*"));
        assertFalse(Permissions.implies(Set.of("platform:units"), "platform:units-read"));
        assertTrue(Permissions.implies(List.of("talks:read", "platform:units-read"), "platform:units-read"));
    }

    @Test
    public void nothingImpliesFromNothing() {
        assertFalse(Permissions.implies(Set.of(), "platform:units-read"));
        assertFalse(Permissions.implies(null, "platform:units-read"));
        assertFalse(Permissions.implies(Set.of("*"), null));
        assertFalse(Permissions.implies(Set.of("*"), " "));
    }

    @Test
    public void impliesAllNeedsEveryOne() {
        assertTrue(Permissions.impliesAll(Set.of("platform:*"), Set.of("platform:units-read", "platform:people-read")));
        assertFalse(Permissions.impliesAll(Set.of("platform:units-read"),
                Set.of("platform:units-read", "platform:audit-read")));
    }

    @Test
    public void narrowKeepsTheChosenPermissionsStillHeld() {
        assertEquals(Set.of("platform:units-read"), Permissions.narrow(Set.of("platform:units-read"),
                List.of("platform:units-read", "platform:audit-read")));
        assertEquals(Set.of("platform:units-read", "talks:read"), Permissions.narrow(Set.of("*"),
                List.of("platform:units-read", "talks:read")));
    }

    @Test
    public void theFormatIsModuleColonActionWithWildcards() {
        for (String valid : List.of("*", "platform:*", "platform:units-read", "talks:read", "cadre:files.read")) {
            assertTrue(valid, Permissions.isValid(valid));
        }
        for (String invalid : List.of("", "platform", "platform:", ":read", "Platform:Units-Read", "platform:units,people",
                "platform:units:read", "platform:units read", "x:" + "a".repeat(100))) {
            assertFalse(invalid, Permissions.isValid(invalid));
        }
        assertFalse(Permissions.isValid(null));
    }
}
