package org.qinglian.platform.api.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A module's words in both languages, read from its bundle's message files
 * ({@code /i18n/messages.properties} and {@code /i18n/messages_en.properties}, the files the platform
 * merges into its messages), for what a module hands the platform as {@link LocalizedText}: its
 * name, menu entries, permission labels.
 */
public final class ModuleTexts {

    private final Properties zh;
    private final Properties en;

    private ModuleTexts(Properties zh, Properties en) {
        this.zh = zh;
        this.en = en;
    }

    /** The message files of the bundle that holds {@code anchor}. */
    public static ModuleTexts of(Class<?> anchor) {
        return new ModuleTexts(load(anchor, "/i18n/messages.properties"), load(anchor, "/i18n/messages_en.properties"));
    }

    /**
     * A key's text in both languages.
     *
     * @throws IllegalStateException when a language lacks the key
     */
    public LocalizedText get(String key) {
        String z = zh.getProperty(key);
        String e = en.getProperty(key);
        if (z == null || e == null) {
            throw new IllegalStateException("missing message " + key);
        }
        return new LocalizedText(z, e);
    }

    private static Properties load(Class<?> anchor, String path) {
        Properties p = new Properties();
        InputStream in = anchor.getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("cannot read " + path));
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + path, e));
        }
        return p;
    }
}
