package org.qinglian.platform.api;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Dictionaries of codes (数据字典) shared by the platform and its modules. */
@ProviderType
public interface DictionaryService {

    /** Every dictionary. */
    List<DictionaryDto> dictionaries();

    /**
     * The codes of a dictionary in sort order.
     *
     * @throws NotFoundException if no such dictionary exists
     */
    List<DictionaryItemDto> items(String dictionary);

    /** Whether the code is an active item of the dictionary. */
    boolean isActiveCode(String dictionary, String code);

    /**
     * Creates a dictionary a module brings, with its first items, when it does not exist yet;
     * an existing dictionary and its (possibly edited) items are left as they are.
     *
     * @return whether the dictionary was created
     */
    boolean define(DictionaryDto dictionary, List<DictionaryItemDto> items);

    DictionaryItemDto createItem(String dictionary, DictionaryItemDto item);

    DictionaryItemDto updateItem(String dictionary, UUID id, long expectedVersion, DictionaryItemDto item);
}
