package org.qinglian.rectification.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.qinglian.platform.api.spi.LocalizedText;

/** The module's words in both languages, from its message bundles ({@code i18n/messages*.properties}). */
final class Texts {

    private static final Properties ZH = load("/i18n/messages.properties");
    private static final Properties EN = load("/i18n/messages_en.properties");

    private Texts() {
    }

    static LocalizedText of(String key) {
        String zh = ZH.getProperty(key);
        String en = EN.getProperty(key);
        if (zh == null || en == null) {
            throw new IllegalStateException("missing message " + key);
        }
        return new LocalizedText(zh, en);
    }

    private static Properties load(String path) {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Texts.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("cannot read " + path, e));
        }
        return p;
    }
}
