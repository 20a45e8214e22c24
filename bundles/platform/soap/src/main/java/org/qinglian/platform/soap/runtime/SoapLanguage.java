package org.qinglian.platform.soap.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.cxf.message.Message;
import org.qinglian.platform.api.Messages;

/** The caller's language of a SOAP exchange, from its HTTP {@code Accept-Language}. */
final class SoapLanguage {

    private SoapLanguage() {
    }

    static Locale of(Message message) {
        Message in = message.getExchange() == null ? message : message.getExchange().getInMessage();
        if (in == null) {
            return Messages.ZH_CN;
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) in.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            return Messages.ZH_CN;
        }
        List<Locale> wanted = new ArrayList<>();
        headers.forEach((name, values) -> {
            if ("accept-language".equalsIgnoreCase(name) && values != null) {
                for (String value : values) {
                    try {
                        for (Locale.LanguageRange r : Locale.LanguageRange.parse(value)) {
                            wanted.add(Locale.forLanguageTag(r.getRange()));
                        }
                    } catch (IllegalArgumentException malformed) {
                        // ignore a malformed header: the default language applies
                    }
                }
            }
        });
        return Messages.negotiate(wanted);
    }
}
