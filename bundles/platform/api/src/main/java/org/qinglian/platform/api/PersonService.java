package org.qinglian.platform.api;

import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** The people roster. */
@ProviderType
public interface PersonService {

    /** The fields the people list may be sorted by. */
    Set<String> SORTABLE = Set.of("name", "birthDate", "rank", "createdAt", "updatedAt");

    Page<PersonDto> list(PersonQuery query, PageRequest page);

    /** @throws NotFoundException if no such person exists */
    PersonDto get(UUID id);

    PersonDto create(PersonDto person);

    /** Replaces the person's fields and positions. */
    PersonDto update(UUID id, long expectedVersion, PersonDto person);

    /** Marks the person deleted. */
    void delete(UUID id, long expectedVersion);
}
