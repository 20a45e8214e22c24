package org.qinglian.platform.core.service;

import org.qinglian.platform.api.DictionaryDto;
import org.qinglian.platform.api.DictionaryItemDto;
import org.qinglian.platform.api.PersonDto;
import org.qinglian.platform.api.PositionDto;
import org.qinglian.platform.api.SupervisionDto;
import org.qinglian.platform.api.UnitDto;
import org.qinglian.platform.core.entity.DictionaryEntity;
import org.qinglian.platform.core.entity.DictionaryItemEntity;
import org.qinglian.platform.core.entity.PersonEntity;
import org.qinglian.platform.core.entity.PositionEmbeddable;
import org.qinglian.platform.core.entity.SupervisionEntity;
import org.qinglian.platform.core.entity.UnitEntity;

/** Entities to DTOs: the only place platform entities are read for callers. */
public final class Mapping {

    private Mapping() {
    }

    public static UnitDto unit(UnitEntity e) {
        UnitDto d = new UnitDto();
        d.setId(e.getPublicId());
        d.setExternalId(e.getExternalId());
        d.setName(e.getName());
        d.setShortName(e.getShortName());
        d.setCode(e.getCode());
        d.setKind(e.getKind());
        d.setLevel(e.getLevel());
        d.setParentId(e.getParent() == null ? null : e.getParent().getPublicId());
        d.setSortOrder(e.getSortOrder());
        d.setVersion(e.getVersion());
        d.setCreatedAt(e.getCreatedAt());
        d.setUpdatedAt(e.getUpdatedAt());
        return d;
    }

    static SupervisionDto supervision(SupervisionEntity e) {
        SupervisionDto d = new SupervisionDto();
        d.setId(e.getPublicId());
        d.setSupervisorId(e.getSupervisor().getPublicId());
        d.setSupervisedId(e.getSupervised().getPublicId());
        d.setValidFrom(e.getValidFrom());
        d.setValidTo(e.getValidTo());
        d.setNote(e.getNote());
        d.setVersion(e.getVersion());
        return d;
    }

    static PersonDto person(PersonEntity e) {
        PersonDto d = new PersonDto();
        d.setId(e.getPublicId());
        d.setExternalId(e.getExternalId());
        d.setName(e.getName());
        d.setGender(e.getGender());
        d.setBirthDate(e.getBirthDate());
        d.setUnitId(e.getUnit().getPublicId());
        d.setRank(e.getRank());
        d.setTopLeader(e.isTopLeader());
        d.setLeadershipMember(e.isLeadershipMember());
        d.setYoungCadre(e.isYoungCadre());
        d.setInspectionCadre(e.isInspectionCadre());
        for (PositionEmbeddable p : e.getPositions()) {
            PositionDto pd = new PositionDto();
            pd.setTitle(p.getTitle());
            pd.setUnitId(p.getUnit() == null ? null : p.getUnit().getPublicId());
            pd.setStartDate(p.getStartDate());
            pd.setEndDate(p.getEndDate());
            d.getPositions().add(pd);
        }
        d.setVersion(e.getVersion());
        d.setCreatedAt(e.getCreatedAt());
        d.setUpdatedAt(e.getUpdatedAt());
        return d;
    }

    static DictionaryDto dictionary(DictionaryEntity e) {
        return new DictionaryDto(e.getCode(), e.getNameZh(), e.getNameEn());
    }

    static DictionaryItemDto item(DictionaryItemEntity e) {
        DictionaryItemDto d = new DictionaryItemDto();
        d.setId(e.getPublicId());
        d.setCode(e.getCode());
        d.setLabelZh(e.getLabelZh());
        d.setLabelEn(e.getLabelEn());
        d.setSortOrder(e.getSortOrder());
        d.setActive(e.isActive());
        d.setVersion(e.getVersion());
        return d;
    }
}
