package org.qinglian.platform.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** The organisation tree and the supervision relation between units. */
@ProviderType
public interface UnitService {

    /** The fields the unit list may be sorted by. */
    Set<String> SORTABLE = Set.of("name", "code", "kind", "level", "sortOrder", "createdAt", "updatedAt");

    Page<UnitDto> list(UnitQuery query, PageRequest page);

    /** @throws NotFoundException if no such unit exists */
    UnitDto get(UUID id);

    /** Every unit, nested under its parent, siblings in sort order then name. */
    List<UnitTreeNode> tree();

    /** @throws ValidationException naming the fields at fault */
    UnitDto create(UnitDto unit);

    /**
     * Replaces the unit's editable fields.
     *
     * @throws StaleVersionException if {@code expectedVersion} is not the current version
     * @throws ValidationException if a field is wrong or the new parent would make a cycle
     */
    UnitDto update(UUID id, long expectedVersion, UnitDto unit);

    /**
     * Marks the unit deleted; refused while it has children, people or supervision edges.
     *
     * @throws StaleVersionException if {@code expectedVersion} is not the current version
     */
    void delete(UUID id, long expectedVersion);

    /** The explicit supervision edges in which the unit supervises or is supervised. */
    List<SupervisionDto> supervisions(UUID unitId);

    SupervisionDto createSupervision(SupervisionDto edge);

    SupervisionDto updateSupervision(UUID id, long expectedVersion, SupervisionDto edge);

    void deleteSupervision(UUID id, long expectedVersion);

    /**
     * The units a unit supervises on a day, itself included: its descendants in the tree and,
     * transitively, the units reached through supervision edges valid on that day.
     */
    Set<UUID> supervisedClosure(UUID unitId, LocalDate on);
}
