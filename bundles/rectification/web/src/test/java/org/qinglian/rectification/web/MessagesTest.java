package org.qinglian.rectification.web;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.Test;
import org.qinglian.platform.testing.ModuleMessagesCheck;

/**
 * The module's words exist in both languages, both with or both without placeholders, and every message key
 * its Java code and UI files name exists (the platform resolves module keys from these files).
 */
public class MessagesTest {

    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:problem|validation|record)\\.rectification[A-Za-z.]*|rectification\\.(?:sheet|module|nav|permission|card|todo|notice)\\.[A-Za-z.]+)\"");

    private final ModuleMessagesCheck check = new ModuleMessagesCheck(Path.of("src/main/resources/i18n"));

    @Test
    public void chineseAndEnglishHaveTheSameKeysAndPlaceholders() {
        assertEquals(List.of(), check.languageDifferences());
    }

    @Test
    public void everyKeyTheCodeNamesExists() {
        List<String> missing = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../core/src/main/java"))) {
            missing.addAll(check.missingKeys(root, ".java", JAVA_KEY));
        }
        missing.addAll(check.missingKeys(Path.of("src/main/resources/web"), ".js",
                ModuleMessagesCheck.jsKeys("rectification")));
        assertEquals(List.of(), missing);
    }
}
