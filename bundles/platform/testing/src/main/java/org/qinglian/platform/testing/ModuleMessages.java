package org.qinglian.platform.testing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

import org.qinglian.platform.api.Messages;

/**
 * The platform's messages and a module's, as the platform merges them at run time: the module's
 * words come from the files of its web bundle's {@code i18n} folder ({@code messages.properties}
 * zh-CN, {@code messages_en.properties} English), read from the source tree so a core test sees
 * the words the module ships. The platform's own keys win, and arguments that are message keys
 * are resolved, as the platform's messages do.
 */
public final class ModuleMessages implements Messages {

    private final Messages platform;
    private final Properties zh;
    private final Properties en;

    /**
     * @param folder the module's message folder, e.g. {@code ../web/src/main/resources/i18n}
     * @param platform the platform's own messages (its {@code MessagesImpl})
     */
    public ModuleMessages(Path folder, Messages platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.zh = load(folder.resolve("messages.properties"));
        this.en = load(folder.resolve("messages_en.properties"));
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

    private Properties module(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }

    @Override
    public String get(Locale locale, String key, Object... args) {
        Locale language = locale == null ? ZH_CN : locale;
        Object[] resolved = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof String && has((String) resolved[i])) {
                resolved[i] = get(language, (String) resolved[i]);
            } else if (resolved[i] instanceof Number) {
                resolved[i] = String.valueOf(resolved[i]);
            }
        }
        if (platform.has(key)) {
            return platform.get(language, key, resolved);
        }
        String pattern = module(language).getProperty(key);
        return pattern == null ? key : new MessageFormat(pattern, language).format(resolved);
    }

    @Override
    public boolean has(String key) {
        return platform.has(key) || zh.containsKey(key);
    }
}
