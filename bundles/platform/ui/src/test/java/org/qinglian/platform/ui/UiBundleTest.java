package org.qinglian.platform.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The shell's words and its safety rules: both languages have the same keys, every key the
 * scripts ask for exists, no script carries user-visible Chinese text, the import map's hash
 * enters the CSP and nothing else does, and no path escapes the served folders.
 */
public class UiBundleTest {

    private static final Path UI = Path.of("src/main/resources/ui");
    /** {@code t('key'} and {@code t("key"}: the UI's lookups of its message bundles. */
    private static final Pattern LOOKUP = Pattern.compile("\\bt\\(\\s*['\"]([A-Za-z0-9_.-]+)['\"]");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    private static Map<String, String> bundle(String name) throws IOException {
        return I18nServlet.load(UI.resolve("i18n").resolve(name).toUri().toURL());
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(UI)) {
            return files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }

    @Test
    public void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Map<String, String> zh = bundle("messages.properties");
        Map<String, String> en = bundle("messages_en.properties");
        assertEquals(new TreeSet<>(zh.keySet()), new TreeSet<>(en.keySet()));
        assertTrue(zh.size() > 100);
        zh.forEach((k, v) -> assertFalse(k, v.isBlank()));
        en.forEach((k, v) -> assertFalse(k, v.isBlank()));
        assertTrue("Chinese is the default bundle", CJK.matcher(zh.get("app.title")).find());
    }

    @Test
    public void everyKeyTheScriptsLookUpExists() throws IOException {
        Set<String> keys = bundle("messages.properties").keySet();
        List<String> missing = new ArrayList<>();
        int lookups = 0;
        for (Path script : scripts()) {
            Matcher m = LOOKUP.matcher(Files.readString(script, StandardCharsets.UTF_8));
            while (m.find()) {
                lookups++;
                if (!keys.contains(m.group(1))) {
                    missing.add(UI.relativize(script) + ": " + m.group(1));
                }
            }
        }
        assertTrue("keys missing from the bundles: " + missing, missing.isEmpty());
        assertTrue(lookups > 100);
    }

    @Test
    public void noScriptCarriesChineseTextOutsideComments() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path script : scripts()) {
            String code = Files.readString(script, StandardCharsets.UTF_8)
                    .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
            if (CJK.matcher(code).find()) {
                literals.add(UI.relativize(script).toString());
            }
        }
        assertTrue("user-visible text belongs in the bundles: " + literals, literals.isEmpty());
    }

    @Test
    public void theImportMapHashJoinsTheScriptSourceOnly() {
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";
        String hash = "'sha256-" + ShellServlet.sha256("{\"imports\":{}}") + "'";
        assertEquals("default-src 'self'; script-src 'self' " + hash + "; style-src 'self'; object-src 'none'",
                ShellServlet.withImportMap(policy, hash));
        String own = ShellServlet.withImportMap(null, hash);
        assertTrue(own.contains("script-src 'self' " + hash + ";"));
        assertFalse(own.contains("unsafe"));
        // SHA-256 of the empty JSON object, as a browser computes it for the inline element's text
        assertEquals("RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=", ShellServlet.sha256("{}"));
    }

    @Test
    public void onlyPlainRelativePathsAreServed() {
        assertTrue(Resources.safe("pages/login.js"));
        assertTrue(Resources.safe("lit/3.2.1/index.js"));
        for (String bad : new String[] {"../etc/users.properties", "a/../../x.js", "a//b.js", ".hidden.js", "a\\b.js",
            "", "x/\0.js"}) {
            assertFalse(bad, Resources.safe(bad));
        }
        assertEquals("text/javascript;charset=utf-8", Resources.contentType("main.js"));
        assertEquals(null, Resources.contentType("server.class"));
    }
}
