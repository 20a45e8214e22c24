package org.qinglian.platform.api;

import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's message bundles: every word a user sees, in zh-CN (the default) and en.
 * Java code passes message keys; this service turns them into text in the caller's language.
 */
@ProviderType
public interface Messages {

    /** Simplified Chinese, the default language. */
    Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    /** The languages the portal speaks, the default first. */
    List<Locale> SUPPORTED = List.of(ZH_CN, Locale.ENGLISH);

    /**
     * The text of a key in a language, its {@code {n}} placeholders filled with the arguments;
     * an argument that is itself a message key is resolved first. An unknown key yields the key.
     */
    String get(Locale locale, String key, Object... args);

    /** Whether the key exists in the bundles. */
    boolean has(String key);

    /** The supported language that best fits a caller's preferences, in order; zh-CN if none fits. */
    static Locale negotiate(List<Locale> preferences) {
        for (Locale wanted : preferences) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return ZH_CN;
    }
}
