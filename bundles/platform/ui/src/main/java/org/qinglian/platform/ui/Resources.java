package org.qinglian.platform.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Streams files of this bundle with their content type, caching headers and a weak ETag. */
final class Resources {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json;charset=utf-8"),
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"));

    private Resources() {
    }

    /** The content type of a file name, or null for a type this bundle does not serve. */
    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a path below a served folder is safe to look up: no parent steps, no backslashes,
     * no hidden files, no empty segments.
     */
    static boolean safe(String path) {
        if (path == null || path.isEmpty() || path.contains("\\") || path.contains("//") || path.contains("\0")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** Sends a resource, answering 304 when the client's copy is current. */
    static void send(URL resource, String name, String cacheControl, long lastModified, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String etag = "W/\"" + Long.toHexString(lastModified) + "-" + Integer.toHexString(name.hashCode()) + "\"";
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(contentType(name));
        try (InputStream in = resource.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
