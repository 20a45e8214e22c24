package org.qinglian.platform.ui;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The shell's words as JSON: {@code /ui/i18n/zh-CN.json} and {@code /ui/i18n/en.json}, from the
 * message bundles {@code ui/i18n/messages.properties} (Chinese, the default) and
 * {@code messages_en.properties}.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/ui/i18n/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=qinglian-ui-i18n" })
public class I18nServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient Map<String, byte[]> languages;
    private transient String devFolder;

    @Activate
    void activate(BundleContext context) throws IOException {
        languages = Map.of("zh-CN", json(load(context.getBundle().getEntry("ui/i18n/messages.properties"))),
                "en", json(load(context.getBundle().getEntry("ui/i18n/messages_en.properties"))));
        devFolder = System.getProperty("qinglian.ui.devFolder");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        byte[] body = path == null || !path.endsWith(".json") ? null
                : languages.get(path.substring(1, path.length() - ".json".length()));
        if (body != null && devFolder != null && !devFolder.isBlank()) {
            String file = path.startsWith("/en.") ? "messages_en.properties" : "messages.properties";
            body = json(load(java.nio.file.Path.of(devFolder, "i18n", file).toUri().toURL()));
        }
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static Map<String, String> load(URL url) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> sorted = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> sorted.put(k, p.getProperty(k)));
        return sorted;
    }

    static byte[] json(Map<String, String> messages) {
        StringBuilder b = new StringBuilder("{");
        messages.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            quote(b, k).append(':');
            quote(b, v);
        });
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
