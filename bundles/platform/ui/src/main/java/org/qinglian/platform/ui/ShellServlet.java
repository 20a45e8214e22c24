package org.qinglian.platform.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The portal shell's one page at {@code /}. It carries the platform's import map inline (browsers
 * load import maps only inline), so it extends the Content-Security-Policy the security filter
 * set with the import map's SHA-256 and nothing else: still no inline scripts of any other
 * content and no eval. Every other path under {@code /} that no servlet serves is 404.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=qinglian-ui-shell" })
public class ShellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String CSP = "Content-Security-Policy";

    private transient byte[] page;
    private transient String importMapHash;

    @Activate
    void activate(BundleContext context) throws IOException {
        String importMap = read(context.getBundle().getEntry("ui/importmap.json")).strip();
        String template = read(context.getBundle().getEntry("ui/index.html"));
        page = template.replace("{{importmap}}", importMap).getBytes(StandardCharsets.UTF_8);
        importMapHash = "'sha256-" + sha256(importMap) + "'";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"/".equals(path) && !"/index.html".equals(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader(CSP, withImportMap(response.getHeader(CSP), importMapHash));
        response.setHeader("Cache-Control", "no-cache");
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** The policy with the import map's hash added to {@code script-src}; a policy of its own if none was set. */
    static String withImportMap(String policy, String hash) {
        if (policy == null || !policy.contains("script-src 'self'")) {
            return "default-src 'self'; script-src 'self' " + hash + "; object-src 'none'; base-uri 'self';"
                    + " frame-ancestors 'none'";
        }
        return policy.replace("script-src 'self'", "script-src 'self' " + hash);
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
