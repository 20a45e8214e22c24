package org.qinglian.platform.ui;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.qinglian.platform.api.spi.PortalModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's words as JSON: {@code /ui/i18n/zh-CN.json} and {@code /ui/i18n/en.json}, from the
 * message bundles {@code ui/i18n/messages.properties} (Chinese, the default) and
 * {@code messages_en.properties} of this bundle and {@code i18n/messages*.properties} of every
 * bundle that registers a {@link PortalModule} (by convention their keys start with the module id).
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/ui/i18n/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=qinglian-ui-i18n" })
public class I18nServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(I18nServlet.class);
    private static final Map<String, String> FILES = Map.of("zh-CN", "messages.properties",
            "en", "messages_en.properties");

    private final transient Map<ServiceReference<PortalModule>, Bundle> modules = new ConcurrentHashMap<>();
    private transient volatile Map<String, byte[]> languages;
    private transient Bundle own;
    private transient String devFolder;

    @Activate
    void activate(BundleContext context) {
        own = context.getBundle();
        devFolder = System.getProperty("qinglian.ui.devFolder");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindModule(ServiceReference<PortalModule> module) {
        modules.put(module, module.getBundle());
        languages = null;
    }

    void unbindModule(ServiceReference<PortalModule> module) {
        modules.remove(module);
        languages = null;
    }

    private Map<String, byte[]> languages() throws IOException {
        Map<String, byte[]> known = languages;
        if (known == null || devFolder != null && !devFolder.isBlank()) {
            Map<String, byte[]> built = new HashMap<>();
            for (Map.Entry<String, String> language : FILES.entrySet()) {
                Map<String, String> messages = new TreeMap<>();
                for (Bundle module : modules.values()) {
                    URL entry = module.getEntry("i18n/" + language.getValue());
                    if (entry != null) {
                        messages.putAll(load(entry));
                    } else {
                        LOG.debug("Module bundle {} has no i18n/{}", module.getSymbolicName(), language.getValue());
                    }
                }
                messages.putAll(load(devFolder == null || devFolder.isBlank()
                        ? own.getEntry("ui/i18n/" + language.getValue())
                        : java.nio.file.Path.of(devFolder, "i18n", language.getValue()).toUri().toURL()));
                built.put(language.getKey(), json(messages));
            }
            known = built;
            languages = known;
        }
        return known;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        byte[] body = path == null || !path.endsWith(".json") ? null
                : languages().get(path.substring(1, path.length() - ".json".length()));
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
