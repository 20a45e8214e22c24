package org.qinglian.platform.api.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * A text a module shows to users, in Chinese (the default) and English.
 *
 * @param zh the simplified Chinese text
 * @param en the English text
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The text in a language: English for {@code en}, Chinese for every other locale. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
