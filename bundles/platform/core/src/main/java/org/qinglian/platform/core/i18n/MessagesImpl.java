package org.qinglian.platform.core.i18n;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.spi.PortalModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's messages: {@code messages.properties} is zh-CN, {@code messages_en} English; and
 * the messages of every module, from {@code i18n/messages.properties} and
 * {@code i18n/messages_en.properties} of each bundle that registers a {@link PortalModule}.
 * The platform's own keys win over a module's.
 */
@Component(service = Messages.class)
public class MessagesImpl implements Messages {

    private static final Logger LOG = LoggerFactory.getLogger(MessagesImpl.class);
    private final Map<ServiceReference<PortalModule>, Bundle> modules = new ConcurrentHashMap<>();
    private volatile Map<Locale, Map<String, String>> moduleMessages;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindModule(ServiceReference<PortalModule> module) {
        modules.put(module, module.getBundle());
        moduleMessages = null;
    }

    void unbindModule(ServiceReference<PortalModule> module) {
        modules.remove(module);
        moduleMessages = null;
    }

    /** The modules' messages of a supported language. */
    private Map<String, String> moduleMessages(Locale language) {
        Map<Locale, Map<String, String>> known = moduleMessages;
        if (known == null) {
            known = new HashMap<>();
            for (Locale supported : SUPPORTED) {
                Map<String, String> merged = new HashMap<>();
                String file = ZH_CN.equals(supported) ? "i18n/messages.properties"
                        : "i18n/messages_" + supported.getLanguage() + ".properties";
                for (Bundle bundle : modules.values()) {
                    URL entry = bundle.getEntry(file);
                    if (entry == null) {
                        continue;
                    }
                    Properties p = new Properties();
                    try (Reader r = new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8)) {
                        p.load(r);
                    } catch (IOException e) {
                        LOG.warn("Cannot read {} of {}: {}", file, bundle.getSymbolicName(), e.getMessage());
                    }
                    p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k)));
                }
                known.put(supported, merged);
            }
            moduleMessages = known;
        }
        return known.getOrDefault(language, Map.of());
    }

    private String text(ResourceBundle bundle, Locale language, String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : moduleMessages(language).get(key);
    }

    static final String BASE_NAME = "org.qinglian.platform.core.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public String get(Locale locale, String key, Object... args) {
        Locale language = language(locale);
        ResourceBundle bundle = bundle(language);
        String pattern = text(bundle, language, key);
        if (pattern == null) {
            return key;
        }
        Object[] resolved = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < resolved.length; i++) {
            String argument = resolved[i] instanceof String ? text(bundle, language, (String) resolved[i]) : null;
            if (argument != null) {
                resolved[i] = argument;
            } else if (resolved[i] instanceof Number) {
                // versions, ids and limits read as written: no grouping separators
                resolved[i] = String.valueOf(resolved[i]);
            }
        }
        return new MessageFormat(pattern, language).format(resolved);
    }

    @Override
    public boolean has(String key) {
        return bundle(ZH_CN).containsKey(key) || moduleMessages(ZH_CN).containsKey(key);
    }

    private static Locale language(Locale locale) {
        return Messages.negotiate(List.of(locale == null ? ZH_CN : locale));
    }

    static ResourceBundle bundle(Locale language) {
        try {
            return ResourceBundle.getBundle(BASE_NAME, ZH_CN.equals(language) ? Locale.ROOT : language,
                    MessagesImpl.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BASE_NAME, Locale.ROOT, MessagesImpl.class.getClassLoader(), NO_FALLBACK);
        }
    }
}
