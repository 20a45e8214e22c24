package org.qinglian.platform.core.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.qinglian.platform.api.NotFoundException;
import org.qinglian.platform.api.PageRequest;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.PersonQuery;
import org.qinglian.platform.api.PersonService;
import org.qinglian.platform.api.SupervisionDto;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;
import org.qinglian.platform.api.UnitQuery;
import org.qinglian.platform.api.UnitService;
import org.qinglian.platform.api.UnitTreeNode;
import org.qinglian.platform.api.ValidationException;
import org.qinglian.platform.api.security.Scope;
import org.qinglian.platform.core.DatabaseTestCase;

/**
 * The data scope applied by the unit and people services: a district's caller sees the
 * district and its townships and nothing of the city, the other district or its people — in
 * lists, counts, the tree, get-by-id, updates, deletes and references; an anonymous request
 * (Scope.NONE) sees nothing. Every act is audited in its transaction.
 */
public class ScopeTest extends DatabaseTestCase {

    private UnitDto city;
    private UnitDto east;
    private UnitDto west;
    private UnitDto eastTown;
    private UnitDto westTown;
    private PersonDto cityPerson;
    private PersonDto eastPerson;
    private PersonDto westPerson;

    @Before
    public void tree() {
        city = units.create(UnitServiceTest.dto("市纪委监委", UnitKind.COMMISSION, UnitLevel.CITY, null));
        east = units.create(UnitServiceTest.dto("东区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        west = units.create(UnitServiceTest.dto("西区纪委", UnitKind.COMMISSION, UnitLevel.DISTRICT, city));
        eastTown = units.create(UnitServiceTest.dto("东街道纪工委", UnitKind.COMMISSION, UnitLevel.TOWNSHIP, east));
        westTown = units.create(UnitServiceTest.dto("西街道纪工委", UnitKind.COMMISSION, UnitLevel.TOWNSHIP, west));
        cityPerson = people.create(person("市领导", city));
        eastPerson = people.create(person("东区干部", east));
        westPerson = people.create(person("西区干部", west));
        security.scope(Scope.of(units.supervisedClosure(east.getId(), LocalDate.of(2026, 3, 2))));
    }

    private static PersonDto person(String name, UnitDto unit) {
        PersonDto p = new PersonDto();
        p.setName(name);
        p.setUnitId(unit.getId());
        return p;
    }

    private static Set<UUID> ids(List<UnitDto> list) {
        Set<UUID> ids = new HashSet<>();
        list.forEach(u -> ids.add(u.getId()));
        return ids;
    }

    @Test
    public void aDistrictSeesItselfAndItsTownshipsOnly() {
        assertEquals(Set.of(east.getId(), eastTown.getId()), security.scope().units());
        var page = units.list(new UnitQuery(), PageRequest.of(1, 200, null, UnitService.SORTABLE));
        assertEquals(2, page.getTotal());
        assertEquals(Set.of(east.getId(), eastTown.getId()), ids(page.getItems()));
        assertEquals(0, units.list(new UnitQuery().setName("西"), PageRequest.first(20)).getTotal());

        List<UnitTreeNode> tree = units.tree();
        assertEquals(1, tree.size());
        assertEquals(east.getId(), tree.get(0).getId());
        assertEquals(1, tree.get(0).getChildren().size());
    }

    @Test
    public void unitsOutsideTheScopeAreNotFound() {
        assertThrows(NotFoundException.class, () -> units.get(west.getId()));
        assertThrows(NotFoundException.class, () -> units.get(city.getId()));
        assertThrows(NotFoundException.class, () -> units.update(westTown.getId(), 0,
                UnitServiceTest.dto("改名", UnitKind.COMMISSION, UnitLevel.TOWNSHIP, west)));
        assertThrows(NotFoundException.class, () -> units.delete(westTown.getId(), 0));
        assertThrows(NotFoundException.class, () -> units.supervisions(west.getId()));
        assertThrows(NotFoundException.class, () -> units.supervisedClosure(city.getId(), LocalDate.of(2026, 3, 2)));
        security.scope(Scope.UNRESTRICTED);
        assertEquals("西街道纪工委", units.get(westTown.getId()).getName());
        assertEquals(0, units.get(westTown.getId()).getVersion().longValue());
    }

    @Test
    public void referencesOutsideTheScopeAreRefusedAndNothingIsWritten() {
        ValidationException moved = assertThrows(ValidationException.class, () -> units.update(eastTown.getId(), 0,
                UnitServiceTest.dto("东街道纪工委", UnitKind.COMMISSION, UnitLevel.TOWNSHIP, west)));
        assertEquals("parentId", moved.getViolations().get(0).getField());
        ValidationException root = assertThrows(ValidationException.class, () -> units.create(
                UnitServiceTest.dto("自立门户", UnitKind.COMMISSION, UnitLevel.CITY, null)));
        assertEquals("parentId", root.getViolations().get(0).getField());
        ValidationException hired = assertThrows(ValidationException.class, () -> people.create(person("越界", west)));
        assertEquals("unitId", hired.getViolations().get(0).getField());
        SupervisionDto edge = new SupervisionDto();
        edge.setSupervisorId(east.getId());
        edge.setSupervisedId(west.getId());
        edge.setValidFrom(LocalDate.of(2026, 1, 1));
        ValidationException supervising = assertThrows(ValidationException.class, () -> units.createSupervision(edge));
        assertEquals("supervisedId", supervising.getViolations().get(0).getField());

        security.scope(Scope.UNRESTRICTED);
        assertEquals(5, units.list(new UnitQuery(), PageRequest.first(20)).getTotal());
        assertEquals(3, people.list(new PersonQuery(), PageRequest.first(20)).getTotal());
    }

    @Test
    public void peopleAreScopedByTheirUnit() {
        var page = people.list(new PersonQuery(), PageRequest.of(1, 200, null, PersonService.SORTABLE));
        assertEquals(1, page.getTotal());
        assertEquals(eastPerson.getId(), page.getItems().get(0).getId());
        assertEquals(0, people.list(new PersonQuery().setUnitId(west.getId()), PageRequest.first(20)).getTotal());
        assertThrows(NotFoundException.class, () -> people.get(westPerson.getId()));
        assertThrows(NotFoundException.class, () -> people.get(cityPerson.getId()));
        assertThrows(NotFoundException.class, () -> people.update(westPerson.getId(), 0, person("改", west)));
        assertThrows(NotFoundException.class, () -> people.delete(westPerson.getId(), 0));
        assertEquals("东区干部", people.get(eastPerson.getId()).getName());
    }

    @Test
    public void anAnonymousScopeSeesNothing() {
        security.scope(Scope.NONE);
        assertEquals(0, units.list(new UnitQuery(), PageRequest.first(20)).getTotal());
        assertTrue(units.tree().isEmpty());
        assertEquals(0, people.list(new PersonQuery(), PageRequest.first(20)).getTotal());
        assertThrows(NotFoundException.class, () -> units.get(east.getId()));
    }

    @Test
    public void everyChangeIsAuditedInItsTransaction() {
        assertEquals(List.of("unit.create", "unit.create", "unit.create", "unit.create", "unit.create",
                "person.create", "person.create", "person.create"), audit.actions());
        units.update(eastTown.getId(), 0, UnitServiceTest.dto("东街道纪工委（改）", UnitKind.COMMISSION,
                UnitLevel.TOWNSHIP, east));
        people.delete(eastPerson.getId(), 0);
        assertEquals("unit.update", audit.inTransaction.get(8).getAction());
        assertEquals(eastTown.getId().toString(), audit.inTransaction.get(8).getRecordId());
        assertEquals("person.delete", audit.inTransaction.get(9).getAction());
        assertFalse(audit.actions().contains("unit.delete"));
        assertThrows(NotFoundException.class, () -> units.delete(west.getId(), 0));
        assertEquals(10, audit.inTransaction.size());
    }
}
