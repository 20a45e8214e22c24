package org.qinglian.platform.security.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.qinglian.platform.api.Messages;

/**
 * Problem documents (RFC 9457) the filter answers before any JAX-RS resource is reached, in the
 * same shape and languages as the REST runtime's.
 */
final class ProblemJson {

    private ProblemJson() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, Messages messages, int status,
            String type, String messageKey) throws IOException {
        Locale locale = Messages.negotiate(java.util.Collections.list(request.getLocales()));
        if (request.getHeader("Accept-Language") == null) {
            locale = Messages.ZH_CN;
        }
        String body = "{\"type\":\"urn:qinglian:problem:" + type + "\",\"title\":"
                + quote(messages.get(locale, "problemTitle." + type)) + ",\"status\":" + status
                + ",\"detail\":" + quote(messages.get(locale, messageKey)) + ",\"instance\":"
                + quote(request.getRequestURI()) + ",\"messageKey\":" + quote(messageKey) + "}";
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                default:
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
            }
        }
        return b.append('"').toString();
    }
}
