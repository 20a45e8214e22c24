package org.qinglian.rectification.core;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.qinglian.platform.api.DictionaryDto;
import org.qinglian.platform.api.DictionaryItemDto;
import org.qinglian.platform.api.DictionaryService;
import org.qinglian.rectification.api.RectificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seeds the problem categories (the seven areas) into the platform's dictionaries, once. */
@Component(immediate = true, service = CategoryDictionary.class)
public class CategoryDictionary {

    static final String DEFAULT_CATEGORY = "responsibility";
    private static final Logger LOG = LoggerFactory.getLogger(CategoryDictionary.class);

    @Reference
    private DictionaryService dictionaries;

    public CategoryDictionary() {
    }

    /** For tests. */
    public CategoryDictionary(DictionaryService dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Activate
    public void activate() {
        List<DictionaryItemDto> items = new ArrayList<>();
        int order = 1;
        for (Map.Entry<String, String[]> e : categories().entrySet()) {
            DictionaryItemDto item = new DictionaryItemDto();
            item.setCode(e.getKey());
            item.setLabelZh(e.getValue()[0]);
            item.setLabelEn(e.getValue()[1]);
            item.setSortOrder(order++);
            item.setActive(true);
            items.add(item);
        }
        String[] name = properties().getProperty("dictionary").split("\\|");
        if (dictionaries.define(new DictionaryDto(RectificationService.CATEGORY_DICTIONARY, name[0], name[1]), items)) {
            LOG.info("Seeded the dictionary {} with {} categories", RectificationService.CATEGORY_DICTIONARY, items.size());
        }
    }

    static Map<String, String[]> categories() {
        java.util.Properties p = properties();
        Map<String, String[]> map = new LinkedHashMap<>();
        for (String code : p.getProperty("order").split(",")) {
            map.put(code, p.getProperty(code).split("\\|"));
        }
        return map;
    }

    private static java.util.Properties properties() {
        java.util.Properties p = new java.util.Properties();
        try (Reader r = new InputStreamReader(CategoryDictionary.class.getResourceAsStream("categories.properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
