package org.qinglian.platform.core.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.osgi.service.component.annotations.Component;
import org.qinglian.platform.api.Messages;

/** The platform's messages: {@code messages.properties} is zh-CN, {@code messages_en} English. */
@Component(service = Messages.class)
public class MessagesImpl implements Messages {

    static final String BASE_NAME = "org.qinglian.platform.core.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public String get(Locale locale, String key, Object... args) {
        Locale language = language(locale);
        ResourceBundle bundle = bundle(language);
        if (!bundle.containsKey(key)) {
            return key;
        }
        Object[] resolved = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof String && bundle.containsKey((String) resolved[i])) {
                resolved[i] = bundle.getString((String) resolved[i]);
            } else if (resolved[i] instanceof Number) {
                // versions, ids and limits read as written: no grouping separators
                resolved[i] = String.valueOf(resolved[i]);
            }
        }
        return new MessageFormat(bundle.getString(key), language).format(resolved);
    }

    @Override
    public boolean has(String key) {
        return bundle(ZH_CN).containsKey(key);
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
