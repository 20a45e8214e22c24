package org.qinglian.platform.core.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.qinglian.platform.core.ProblemAssert.assertNotFound;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.audit.AuditEvent;
import org.qinglian.platform.api.portal.ModuleActivationDto;
import org.qinglian.platform.api.security.Caller;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.api.spi.LocalizedText;
import org.qinglian.platform.api.spi.NavigationEntry;
import org.qinglian.platform.api.spi.PermissionDefinition;
import org.qinglian.platform.api.spi.PortalModule;
import org.qinglian.platform.core.DatabaseTestCase;
import org.qinglian.platform.testing.TestDatabase;

/**
 * Installed modules and their activation per unit: active by default, a unit's own setting
 * inherited by the units below it until one of them has its own, only within the caller's
 * scope, every change audited and seen at once despite the snapshot cache.
 */
public class ModuleServiceTest extends DatabaseTestCase {

    /** T0 is already 2 March in Shanghai. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private final FakeModule talks = new FakeModule("talks", 20);
    private final FakeModule reports = new FakeModule("reports", 10);

    private ModuleServiceImpl modules;
    private UnitDto city;
    private UnitDto east;
    private UnitDto west;
    private UnitDto eastTown;
    private UnitDto eastTown2;
    private UnitDto westTown;
    private Caller cityAdmin;
    private Scope cityScope;

    @Before
    public void treeAndModules() {
        city = unit("市纪委监委", UnitLevel.CITY, null);
        east = unit("东区纪委", UnitLevel.DISTRICT, city);
        west = unit("西区纪委", UnitLevel.DISTRICT, city);
        eastTown = unit("东一街道纪工委", UnitLevel.TOWNSHIP, east);
        eastTown2 = unit("东二街道纪工委", UnitLevel.TOWNSHIP, east);
        westTown = unit("西街道纪工委", UnitLevel.TOWNSHIP, west);
        modules = new ModuleServiceImpl(jpa, clock, security, audit);
        modules.bindModule(talks);
        modules.bindModule(reports);
        cityAdmin = caller("cityadmin", city);
        cityScope = Scope.of(units.supervisedClosure(city.getId(), TODAY));
        assertEquals(6, cityScope.units().size());
        security.as(cityAdmin, cityScope);
        audit.clear();
    }

    private UnitDto unit(String name, UnitLevel level, UnitDto parent) {
        return units.create(UnitServiceTest.dto(name, UnitKind.COMMISSION, level, parent));
    }

    private static Caller caller(String username, UnitDto unit) {
        return new Caller(UUID.randomUUID(), username, unit == null ? null : unit.getId(), null,
                Set.of("unit-admin"), Set.of("platform:modules-activate"), false);
    }

    /** The units' own settings as stored: unit name, module, active, updated_by; by name and module. */
    private static List<List<Object>> stored() {
        return TestDatabase.rows("select u.name, a.module_id, a.active, a.updated_by from pf_module_activation a"
                + " join pf_unit u on u.id = a.unit_id order by u.name, a.module_id");
    }

    private static long storedCount() {
        return ((Number) TestDatabase.value("select count(*) from pf_module_activation")).longValue();
    }

    private boolean active(String module, UnitDto unit) {
        return modules.isActive(module, unit.getId());
    }

    /** Which of the units have the module active, as a string of 1s and 0s. */
    private String activeIn(String module, UnitDto... list) {
        return Arrays.stream(list).map(u -> active(module, u) ? "1" : "0").collect(Collectors.joining());
    }

    private ModuleActivationDto activation(UnitDto unit, String module) {
        return modules.activations(unit.getId()).stream().filter(a -> a.moduleId().equals(module)).findFirst()
                .orElseThrow();
    }

    // --- installed modules ---------------------------------------------------------------

    @Test
    public void installedModulesAreOrderedByOrderThenId() {
        FakeModule alpha = new FakeModule("alpha", 20);
        modules.bindModule(alpha);
        assertEquals(List.of("reports", "alpha", "talks"),
                modules.installed().stream().map(PortalModule::id).collect(Collectors.toList()));
        assertSame(talks, modules.module("talks").orElseThrow());
        assertTrue(modules.module("nope").isEmpty());
        assertTrue(modules.module(null).isEmpty());
    }

    @Test
    public void aSecondModuleWithTheSameIdIsIgnored() {
        FakeModule impostor = new FakeModule("talks", 1);
        modules.bindModule(impostor);
        assertEquals(2, modules.installed().size());
        assertSame(talks, modules.module("talks").orElseThrow());
        assertEquals(List.of("reports", "talks"),
                modules.installed().stream().map(PortalModule::id).collect(Collectors.toList()));
        // unbinding the ignored one leaves the installed one in place
        modules.unbindModule(impostor);
        assertSame(talks, modules.module("talks").orElseThrow());
        assertTrue(active("talks", east));
    }

    @Test
    public void anUnboundModuleIsNoLongerInstalledNorActive() {
        assertTrue(active("talks", east));
        modules.unbindModule(talks);
        assertEquals(List.of(reports), modules.installed());
        assertTrue(modules.module("talks").isEmpty());
        assertFalse(active("talks", east));
        assertFalse(modules.isActive("talks", null));
        assertEquals(List.of("reports"),
                modules.activations(east.getId()).stream().map(ModuleActivationDto::moduleId).collect(Collectors.toList()));
        assertNotFound(() -> modules.setActive(east.getId(), "talks", false), "module", "talks");
        assertEquals(0, storedCount());
    }

    // --- activation and inheritance -------------------------------------------------------

    @Test
    public void everyInstalledModuleIsActiveEverywhereByDefault() {
        for (UnitDto u : List.of(city, east, west, eastTown, eastTown2, westTown)) {
            assertTrue(active("talks", u));
            assertTrue(active("reports", u));
            for (ModuleActivationDto a : modules.activations(u.getId())) {
                assertEquals(new ModuleActivationDto(a.moduleId(), u.getId(), true, false, null), a);
            }
        }
        assertEquals(0, storedCount());
        assertTrue(audit.all().isEmpty());
    }

    @Test
    public void deactivatingADistrictTurnsItOffBelowButNotBesideOrAbove() {
        ModuleActivationDto off = modules.setActive(east.getId(), "talks", false);
        assertEquals(new ModuleActivationDto("talks", east.getId(), false, true, null), off);

        assertEquals("00011", activeIn("talks", east, eastTown, eastTown2, west, westTown));
        assertTrue(active("talks", city));
        // the other module is untouched
        assertEquals("11111", activeIn("reports", east, eastTown, eastTown2, west, westTown));

        assertEquals(List.of(List.of("东区纪委", "talks", false, "cityadmin")), stored());
        OffsetDateTime updatedAt = TestDatabase.value(OffsetDateTime.class,
                "select updated_at from pf_module_activation");
        assertEquals(T0, updatedAt.toInstant());
    }

    @Test
    public void aTownshipsOwnSettingOverridesTheInheritedOne() {
        modules.setActive(east.getId(), "talks", false);
        ModuleActivationDto on = modules.setActive(eastTown.getId(), "talks", true);
        assertEquals(new ModuleActivationDto("talks", eastTown.getId(), true, true, null), on);

        assertEquals("010", activeIn("talks", east, eastTown, eastTown2));
        assertEquals(List.of(List.of("东一街道纪工委", "talks", true, "cityadmin"),
                List.of("东区纪委", "talks", false, "cityadmin")), stored());

        // switching an explicit setting updates its row rather than adding one
        modules.setActive(eastTown.getId(), "talks", false);
        assertEquals(2, storedCount());
        assertEquals("000", activeIn("talks", east, eastTown, eastTown2));
    }

    @Test
    public void inheritingAgainRestoresTheParentsValue() {
        modules.setActive(east.getId(), "talks", false);
        modules.setActive(eastTown.getId(), "talks", true);
        assertTrue(active("talks", eastTown));

        ModuleActivationDto back = modules.setActive(eastTown.getId(), "talks", null);
        assertEquals(new ModuleActivationDto("talks", eastTown.getId(), false, false, east.getId()), back);
        assertFalse(active("talks", eastTown));
        assertEquals(List.of(List.of("东区纪委", "talks", false, "cityadmin")), stored());

        ModuleActivationDto districtBack = modules.setActive(east.getId(), "talks", null);
        assertEquals(new ModuleActivationDto("talks", east.getId(), true, false, null), districtBack);
        assertEquals("111", activeIn("talks", east, eastTown, eastTown2));
        assertEquals(0, storedCount());

        // inheriting when there is no own setting writes nothing and answers the inherited value
        modules.setActive(city.getId(), "talks", false);
        assertEquals(new ModuleActivationDto("talks", westTown.getId(), false, false, city.getId()),
                modules.setActive(westTown.getId(), "talks", null));
        assertEquals(1, storedCount());
    }

    @Test
    public void activationsReportWhetherASettingIsOwnOrInheritedAndFromWhom() {
        modules.setActive(city.getId(), "talks", false);
        modules.setActive(east.getId(), "talks", true);
        modules.setActive(westTown.getId(), "reports", false);

        List<ModuleActivationDto> town = modules.activations(eastTown.getId());
        assertEquals(List.of(
                new ModuleActivationDto("reports", eastTown.getId(), true, false, null),
                new ModuleActivationDto("talks", eastTown.getId(), true, false, east.getId())), town);
        assertEquals(List.of(
                new ModuleActivationDto("reports", east.getId(), true, false, null),
                new ModuleActivationDto("talks", east.getId(), true, true, null)), modules.activations(east.getId()));
        assertEquals(List.of(
                new ModuleActivationDto("reports", westTown.getId(), false, true, null),
                new ModuleActivationDto("talks", westTown.getId(), false, false, city.getId())),
                modules.activations(westTown.getId()));
        assertEquals(new ModuleActivationDto("talks", west.getId(), false, false, city.getId()),
                activation(west, "talks"));
        assertEquals(new ModuleActivationDto("talks", city.getId(), false, true, null), activation(city, "talks"));
        // activations agree with isActive
        assertEquals("0110", activeIn("talks", city, east, eastTown, westTown));
        assertEquals("1110", activeIn("reports", city, east, eastTown, westTown));
    }

    @Test
    public void aModuleNotInstalledIsInactiveAndCannotBeSwitched() {
        assertFalse(modules.isActive("nope", east.getId()));
        assertFalse(modules.isActive("nope", null));
        assertNotFound(() -> modules.setActive(east.getId(), "nope", false), "module", "nope");
        assertNotFound(() -> modules.setActive(east.getId(), "nope", null), "module", "nope");
        assertEquals(0, storedCount());
        assertTrue(audit.all().isEmpty());
    }

    @Test
    public void aUnitOutsideTheCallersScopeIsNotFoundAndNothingIsWritten() {
        security.as(caller("eastadmin", east), Scope.of(units.supervisedClosure(east.getId(), TODAY)));
        for (UnitDto outside : List.of(west, westTown, city)) {
            assertNotFound(() -> modules.activations(outside.getId()), "unit", outside.getId());
            assertNotFound(() -> modules.setActive(outside.getId(), "talks", false), "unit", outside.getId());
            assertNotFound(() -> modules.setActive(outside.getId(), "talks", true), "unit", outside.getId());
            assertNotFound(() -> modules.setActive(outside.getId(), "talks", null), "unit", outside.getId());
        }
        UUID unknown = UUID.randomUUID();
        assertNotFound(() -> modules.activations(unknown), "unit", unknown);
        assertNotFound(() -> modules.setActive(unknown, "talks", false), "unit", unknown);
        assertEquals(0, storedCount());
        assertTrue(audit.all().isEmpty());
        assertEquals("111", activeIn("talks", city, west, westTown));

        // inside the scope it works
        modules.setActive(eastTown.getId(), "talks", false);
        assertEquals(List.of(List.of("东一街道纪工委", "talks", false, "eastadmin")), stored());
        assertEquals(2, modules.activations(eastTown.getId()).size());

        // an anonymous request sees no unit at all
        security.as(null, Scope.NONE);
        assertNotFound(() -> modules.activations(east.getId()), "unit", east.getId());
        assertNotFound(() -> modules.setActive(east.getId(), "talks", false), "unit", east.getId());
        assertEquals(1, storedCount());
    }

    @Test
    public void aDeploymentWideAccountSeesEveryInstalledModuleActive() {
        modules.setActive(city.getId(), "talks", false);
        modules.setActive(city.getId(), "reports", false);
        assertEquals("00", activeIn("talks", city, eastTown));
        assertTrue(modules.isActive("talks", null));
        assertTrue(modules.isActive("reports", null));
        assertFalse(modules.isActive("nope", null));
    }

    @Test
    public void everyChangeIsAuditedInItsTransaction() {
        modules.setActive(east.getId(), "talks", false);
        modules.setActive(eastTown.getId(), "talks", true);
        modules.setActive(eastTown.getId(), "talks", null);
        modules.setActive(west.getId(), "reports", true);
        assertEquals(List.of("module.deactivate", "module.activate", "module.inherit", "module.activate"),
                audit.actions());
        assertTrue(audit.separately.isEmpty());
        AuditEvent first = audit.inTransaction.get(0);
        assertEquals("unit", first.getRecordType());
        assertEquals(east.getId().toString(), first.getRecordId());
        assertEquals("module=talks", first.getDetail());
        assertEquals(eastTown.getId().toString(), audit.inTransaction.get(2).getRecordId());
        assertEquals("module=reports", audit.inTransaction.get(3).getDetail());
        assertEquals(west.getId().toString(), audit.inTransaction.get(3).getRecordId());
    }

    // --- the snapshot cache ------------------------------------------------------------------

    @Test
    public void aChangeMadeThroughTheServiceIsSeenAtOnce() {
        // load the snapshot first, so a stale one would answer the next questions
        assertEquals("111", activeIn("talks", east, eastTown, westTown));
        modules.setActive(east.getId(), "talks", false);
        assertEquals("001", activeIn("talks", east, eastTown, westTown));
        modules.setActive(eastTown.getId(), "talks", true);
        assertEquals("011", activeIn("talks", east, eastTown, westTown));
        modules.setActive(east.getId(), "talks", null);
        modules.setActive(eastTown.getId(), "talks", null);
        assertEquals("111", activeIn("talks", east, eastTown, westTown));
    }

    @Test
    public void aUnitCreatedAfterTheSnapshotInheritsItsParentsSetting() {
        modules.setActive(east.getId(), "talks", false);
        assertFalse(active("talks", eastTown)); // the snapshot is now loaded
        UnitDto young = unit("东三街道纪工委", UnitLevel.TOWNSHIP, east);
        // the city admin's scope, as the web layer computes it at sign-in, now takes in the new unit
        security.scope(Scope.UNRESTRICTED);
        security.scope(Scope.of(units.supervisedClosure(city.getId(), TODAY)));
        assertTrue(security.scope().includes(young.getId()));
        assertEquals(new ModuleActivationDto("talks", young.getId(), false, false, east.getId()),
                activation(young, "talks"));
        assertFalse(active("talks", young));
    }

    /** A module as a module's web bundle would register it. */
    private static final class FakeModule implements PortalModule {

        private final String id;
        private final int order;

        FakeModule(String id, int order) {
            this.id = id;
            this.order = order;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public LocalizedText name() {
            return new LocalizedText("模块" + id, "Module " + id);
        }

        @Override
        public LocalizedText description() {
            return new LocalizedText("测试模块", "A test module");
        }

        @Override
        public String icon() {
            return "puzzle";
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public List<NavigationEntry> navigation() {
            return List.of(new NavigationEntry(id + "/list", name(), "list", id + ":read"));
        }

        @Override
        public List<PermissionDefinition> permissions() {
            return List.of(new PermissionDefinition(id + ":read", name(), Set.of("supervisor")));
        }

        @Override
        public String entryScript() {
            return "/modules/" + id + "/index.js";
        }

        @Override
        public String toString() {
            return "FakeModule[" + id + "]";
        }
    }
}
