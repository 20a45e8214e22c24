package org.qinglian.platform.audit.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.junit.Test;
import org.qinglian.platform.api.Page;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.audit.AuditEntryDto;
import org.qinglian.platform.api.audit.AuditTrail;
import org.qinglian.platform.api.audit.AuditVerification;
import org.qinglian.platform.api.rest.RestResource;
import org.qinglian.platform.api.security.RequiresPermission;

public class AuditResourceTest {

    /** Remembers what the resource asked for. */
    private static final class Trail implements AuditTrail {
        Object[] listed;
        PageRequest page;
        final AuditVerification verification = new AuditVerification(false, 7, UUID.randomUUID());

        @Override
        public Page<AuditEntryDto> list(String actor, String action, Instant from, Instant to, String recordId,
                PageRequest page) {
            this.listed = new Object[] {actor, action, from, to, recordId};
            this.page = page;
            return new Page<>(List.of(), 0, page.getPage(), page.getSize());
        }

        @Override
        public long seal() {
            return 0;
        }

        @Override
        public AuditVerification verify() {
            return verification;
        }

        @Override
        public AuditEntryDto get(UUID id) {
            AuditEntryDto e = new AuditEntryDto();
            e.setId(id);
            return e;
        }
    }

    private final Trail trail = new Trail();
    private final AuditResource resource = new AuditResource(trail);

    @Test
    public void queryParametersReachTheTrail() {
        resource.list("2", "10", "-sequence", "bob", "unit.", "2026-03-02T01:30:00+08:00", "2026-03-02T00:00:00Z", "U-1");
        assertEquals(Arrays.asList("bob", "unit.", Instant.parse("2026-03-01T17:30:00Z"),
                Instant.parse("2026-03-02T00:00:00Z"), "U-1"), Arrays.asList(trail.listed));
        assertEquals(2, trail.page.getPage());
        assertEquals(10, trail.page.getSize());
        assertEquals("sequence", trail.page.getSort().get(0).getField());
        resource.list(null, null, null, null, null, "", " ", null);
        assertNull(trail.listed[2]);
        assertNull(trail.listed[3]);
    }

    @Test
    public void malformedInstantsAnswer400NamingTheField() {
        assertRejected("from", () -> resource.list(null, null, null, null, null, "yesterday", null, null));
        assertRejected("to", () -> resource.list(null, null, null, null, null, null, "2026-03-01", null));
        assertRejected("sort", () -> resource.list(null, null, "detail", null, null, null, null, null));
        assertRejected("page", () -> resource.list("x", null, null, null, null, null, null, null));
    }

    private static void assertRejected(String field, Runnable call) {
        try {
            call.run();
            fail("expected 400 naming " + field);
        } catch (ValidationException e) {
            assertEquals(400, e.getStatus());
            assertEquals(field, e.getViolations().get(0).getField());
        }
    }

    @Test
    public void verifyAndGetPassThrough() {
        assertSame(trail.verification, resource.verify());
        UUID id = UUID.randomUUID();
        assertEquals(id, resource.get(id).getId());
    }

    @Test
    public void theResourceIsAPlatformResourceWithPermissionsOnEveryOperation() throws NoSuchMethodException {
        assertEquals("audit", AuditResource.class.getAnnotation(Path.class).value());
        assertEquals("platform:audit-read", permission("list", String.class, String.class, String.class, String.class,
                String.class, String.class, String.class, String.class));
        assertEquals("platform:audit-read", permission("get", UUID.class));
        assertEquals("platform:audit-verify", permission("verify"));
        assertEquals("verify", AuditResource.class.getMethod("verify").getAnnotation(Path.class).value());
        assertEquals(RestResource.class, AuditResource.class.getInterfaces()[0]);
    }

    private static String permission(String name, Class<?>... parameters) throws NoSuchMethodException {
        Method m = AuditResource.class.getMethod(name, parameters);
        if (m.getAnnotation(GET.class) == null) {
            throw new AssertionError(name + " is not a GET");
        }
        return m.getAnnotation(RequiresPermission.class).value();
    }
}
