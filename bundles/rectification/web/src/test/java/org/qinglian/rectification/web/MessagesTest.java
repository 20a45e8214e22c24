package org.qinglian.rectification.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The module's words exist in both languages, both with or both without placeholders, and every message key
 * its Java code and UI files name exists (the platform resolves module keys from these files).
 */
public class MessagesTest {

    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:problem|validation|record)\\.rectification[A-Za-z.]*|rectification\\.(?:sheet|module|nav|permission|card|todo|notice)\\.[A-Za-z.]+)\"");
    private static final Pattern JS_KEY = Pattern.compile("\\bt\\(\\s*'(rectification\\.[A-Za-z0-9_.-]+)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/i18n", file)),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    public void chineseAndEnglishHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        for (String key : zh.stringPropertyNames()) {
            // the languages may use the arguments differently (a padded month), but both use some or none
            assertEquals(key, placeholders(zh.getProperty(key)).isEmpty(), placeholders(en.getProperty(key)).isEmpty());
            assertTrue(key, !zh.getProperty(key).isBlank() && !en.getProperty(key).isBlank());
        }
    }

    @Test
    public void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../core/src/main/java"))) {
            scan(root, ".java", JAVA_KEY, known, missing);
        }
        scan(Path.of("src/main/resources/web"), ".js", JS_KEY, known, missing);
        assertEquals(List.of(), missing);
    }

    private static void scan(Path root, String suffix, Pattern pattern, Set<String> known, List<String> missing)
            throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".") && !known.contains(key)) {
                        missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
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
}
