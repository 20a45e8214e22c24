package org.qinglian.platform.core.i18n;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.UnitKind;
import org.qinglian.platform.api.UnitLevel;

public class MessagesTest {

    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:problem|validation|record)\\.[A-Za-z.]+)\"");
    private static final Pattern PROBLEM_TYPE = Pattern.compile(
            "(?:new ProblemException|super|Problems\\.field)\\(\\s*[^,()]+,\\s*\"([a-z-]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private final MessagesImpl messages = new MessagesImpl();

    private static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesImpl.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new AssertionError(file + " not on the classpath");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    private static Properties zh() throws IOException {
        return bundle("messages.properties");
    }

    private static Properties en() throws IOException {
        return bundle("messages_en.properties");
    }

    /** The Java sources of every module of bundles/platform (the module dir is the working directory). */
    private static List<Path> platformSources() throws IOException {
        Path platform = Paths.get("").toAbsolutePath().resolve("..").normalize();
        List<Path> sources = new ArrayList<>();
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(platform)) {
            for (Path module : dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java")))
                    .collect(Collectors.toList())) {
                modules.add(module.getFileName().toString());
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        assertTrue("modules found under " + platform + ": " + modules,
                modules.containsAll(Set.of("api", "core", "rest")));
        return sources;
    }

    /** Each first group of a pattern in the platform's sources, with the file it was found in. */
    private static Map<String, String> scan(Pattern pattern) throws IOException {
        Map<String, String> found = new TreeMap<>();
        for (Path source : platformSources()) {
            Matcher m = pattern.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                found.putIfAbsent(m.group(1), source.getFileName().toString());
            }
        }
        return found;
    }

    @Test
    public void chineseAndEnglishHaveExactlyTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(zh().stringPropertyNames());
        Set<String> en = new TreeSet<>(en().stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals("keys only in messages.properties", Set.of(), onlyZh);
        assertEquals("keys only in messages_en.properties", Set.of(), onlyEn);
        assertTrue(zh.size() > 50);
    }

    @Test
    public void everyKeyTheCodeUsesExistsInBothLanguages() throws IOException {
        Map<String, String> used = scan(KEY_LITERAL);
        // the scan itself works: keys of api, core and rest sources are among the hits
        assertTrue(used.keySet().containsAll(Set.of("problem.ifMatchRequired", "problem.staleVersion",
                "validation.unitCycle", "problem.malformedJson")));
        Properties zh = zh();
        Properties en = en();
        List<String> missing = new ArrayList<>();
        used.forEach((key, file) -> {
            if (!zh.containsKey(key) || !en.containsKey(key)) {
                missing.add(key + " (" + file + ")");
            }
        });
        assertEquals("keys used in code but missing from a bundle", List.of(), missing);
    }

    @Test
    public void everyProblemTypeHasATitle() throws IOException {
        Map<String, String> types = scan(PROBLEM_TYPE);
        assertTrue(types.keySet().toString(), types.keySet().containsAll(Set.of("validation", "not-found",
                "conflict", "stale-version", "duplicate", "precondition-required")));
        Properties zh = zh();
        List<String> missing = types.keySet().stream().filter(t -> !zh.containsKey("problemTitle." + t))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing);
    }

    @Test
    public void unitKindsAndLevelsHaveLabels() throws IOException {
        Properties zh = zh();
        Properties en = en();
        for (UnitKind k : UnitKind.values()) {
            assertTrue(k.name(), zh.containsKey("unit.kind." + k.name()) && en.containsKey("unit.kind." + k.name()));
        }
        for (UnitLevel l : UnitLevel.values()) {
            assertTrue(l.name(), zh.containsKey("unit.level." + l.name()) && en.containsKey("unit.level." + l.name()));
        }
        assertEquals("派驻纪检监察组", messages.get(Messages.ZH_CN, "unit.kind.DISPATCHED_GROUP"));
        assertEquals("Township or sub-district", messages.get(Locale.ENGLISH, "unit.level.TOWNSHIP"));
    }

    @Test
    public void everyTextIsAValidMessageFormatWithTheSamePlaceholders() throws IOException {
        Properties zh = zh();
        Properties en = en();
        for (String key : zh.stringPropertyNames()) {
            String zhText = zh.getProperty(key);
            String enText = en.getProperty(key, "");
            // a lone apostrophe would quote the rest of the text and swallow its placeholders
            assertFalse(key + " (zh) has a lone apostrophe", zhText.replace("''", "").contains("'"));
            assertFalse(key + " (en) has a lone apostrophe", enText.replace("''", "").contains("'"));
            new MessageFormat(zhText);
            new MessageFormat(enText);
            assertEquals(key, placeholders(zhText), placeholders(enText));
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    public void englishKeepsApostrophesAndFillsArguments() {
        assertEquals("The record was changed by someone else (you edited version 1, the current version is 2);"
                + " reload and try again.", messages.get(Locale.ENGLISH, "problem.staleVersion", 1, 2));
        assertEquals("The If-Match header must be the record's ETag, for example \"3\".",
                messages.get(Locale.ENGLISH, "problem.ifMatchInvalid"));
        assertEquals("The request's content type is not supported; use application/json.",
                messages.get(Locale.ENGLISH, "problem.unsupportedMediaType"));
        assertEquals("Cannot sort by \"rank\"; sortable fields: code, name.",
                messages.get(Locale.UK, "validation.sortField", "rank", "code, name"));
        assertEquals("At most 100 characters.", messages.get(Locale.US, "validation.tooLong", 100));
    }

    @Test
    public void chineseIsTheDefaultLanguage() {
        String zh = "记录已被他人修改（您编辑的版本为 1，当前版本为 2），请刷新后重试。";
        assertEquals(zh, messages.get(Messages.ZH_CN, "problem.staleVersion", 1, 2));
        assertEquals(zh, messages.get(Locale.FRENCH, "problem.staleVersion", 1, 2));
        assertEquals(zh, messages.get(Locale.TRADITIONAL_CHINESE, "problem.staleVersion", 1, 2));
        assertEquals(zh, messages.get(Locale.forLanguageTag("ja-JP"), "problem.staleVersion", 1, 2));
        assertEquals("单位", messages.get(null, "record.unit"));
        assertEquals("须为有效的编号（UUID）。", messages.get(null, "validation.uuid"));
        assertEquals("“abc”已被其他记录使用。", messages.get(null, "validation.duplicate", "abc"));
        assertEquals("不能超过 50 个字符。", messages.get(Locale.GERMAN, "validation.tooLong", 50));
    }

    @Test
    public void nullLocaleFormatsNumbersInChinese() {
        assertEquals("记录已被他人修改（您编辑的版本为 1，当前版本为 2），请刷新后重试。",
                messages.get(null, "problem.staleVersion", 1, 2));
    }

    @Test
    public void anArgumentThatIsAKeyIsResolvedInTheSameLanguage() {
        assertEquals("No unit (42) was found; it may have been deleted.",
                messages.get(Locale.ENGLISH, "problem.notFound", "record.unit", "42"));
        assertEquals("未找到字典项（42），可能已被删除。",
                messages.get(Messages.ZH_CN, "problem.notFound", "record.dictionaryItem", "42"));
        // text that only looks like a key stays as it is
        assertEquals("\"record.nope\" is already used by another record.",
                messages.get(Locale.ENGLISH, "validation.duplicate", "record.nope"));
    }

    @Test
    public void unknownKeysYieldTheKey() {
        assertEquals("problem.noSuchKey", messages.get(Locale.ENGLISH, "problem.noSuchKey", 1));
        assertTrue(messages.has("problem.validation"));
        assertTrue(messages.has("problemTitle.stale-version"));
        assertFalse(messages.has("problem.noSuchKey"));
        assertEquals("Required.", messages.get(Locale.ENGLISH, "validation.required", (Object[]) null));
    }
}
