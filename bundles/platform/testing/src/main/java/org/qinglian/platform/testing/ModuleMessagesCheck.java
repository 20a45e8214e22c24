package org.qinglian.platform.testing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
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

/**
 * What a module's web bundle checks of its message files (the platform resolves module keys from
 * them, so a key missing in a language shows as the raw key): both languages have the same keys,
 * both with or both without placeholders, none blank; every key the module's Java and UI files
 * name exists; every key the server builds from an enum constant exists. Each check answers what
 * is wrong, one line each, so that a test asserts it empty and a failure says what to add.
 */
public final class ModuleMessagesCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private final Properties zh;
    private final Properties en;

    /** @param folder the module's message folder, e.g. {@code src/main/resources/i18n} */
    public ModuleMessagesCheck(Path folder) {
        zh = load(folder.resolve("messages.properties"));
        en = load(folder.resolve("messages_en.properties"));
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
        return p;
    }

    /** The UI's calls {@code t('<module>.…')} with a literal key. */
    public static Pattern jsKeys(String module) {
        return Pattern.compile("\\bt\\(\\s*'(" + Pattern.quote(module) + "\\.[A-Za-z0-9_.-]+)'");
    }

    /** The UI's template keys {@code `<module>.….${…}`} (for {@code t} or a label helper): keys built on a prefix. */
    public static Pattern jsKeyPrefixes(String module) {
        return Pattern.compile("`(" + Pattern.quote(module) + "\\.[A-Za-z0-9_.-]+\\.)\\$\\{");
    }

    /** Keys one language lacks, keys with placeholders in one language only, blank texts. */
    public List<String> languageDifferences() {
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(zh.stringPropertyNames())) {
            String en = this.en.getProperty(key);
            if (en == null) {
                wrong.add(key + ": missing in English");
                continue;
            }
            String zh = this.zh.getProperty(key);
            // the languages may use the arguments differently (a padded month), but both use some or none
            if (placeholders(zh).isEmpty() != placeholders(en).isEmpty()) {
                wrong.add(key + ": placeholders " + placeholders(zh) + " in Chinese, " + placeholders(en) + " in English");
            }
            if (zh.isBlank() || en.isBlank()) {
                wrong.add(key + ": blank");
            }
        }
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            if (!zh.containsKey(key)) {
                wrong.add(key + ": missing in Chinese");
            }
        }
        return wrong;
    }

    /**
     * The keys that files under {@code root} ending in {@code suffix} name (group 1 of the pattern)
     * and the Chinese file lacks, as {@code file: key}; a match ending in '.' is a prefix and is skipped.
     */
    public List<String> missingKeys(Path root, String suffix, Pattern pattern) {
        return scan(root, suffix, pattern, false);
    }

    /** The prefixes (group 1 of the pattern) that files under {@code root} build keys on and no key starts with. */
    public List<String> missingPrefixes(Path root, String suffix, Pattern pattern) {
        return scan(root, suffix, pattern, true);
    }

    private List<String> scan(Path root, String suffix, Pattern pattern, boolean prefixes) {
        Set<String> known = zh.stringPropertyNames();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                Matcher m = pattern.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    boolean found = prefixes ? known.stream().anyMatch(k -> k.startsWith(key))
                            : key.endsWith(".") || known.contains(key);
                    if (!found) {
                        missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.toAbsolutePath(), e);
        }
        return missing;
    }

    /** The keys {@code prefix + constant} of the enum's constants that either language lacks. */
    public List<String> missingEnumKeys(String prefix, Class<? extends Enum<?>> type) {
        List<String> missing = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            String key = prefix + constant.name();
            if (!zh.containsKey(key) || !en.containsKey(key)) {
                missing.add(type.getSimpleName() + "." + constant.name() + ": " + key);
            }
        }
        return missing;
    }

    /** The keys that either language lacks. */
    public List<String> missing(String... keys) {
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (!zh.containsKey(key) || !en.containsKey(key)) {
                missing.add(key);
            }
        }
        return missing;
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
