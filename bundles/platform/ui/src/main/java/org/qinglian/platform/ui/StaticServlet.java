package org.qinglian.platform.ui;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * The portal's static files: {@code /ui/*} (the shell's scripts and styles, revalidated on every
 * use) and {@code /lib/*} (the libraries unpacked from their WebJars, under versioned paths,
 * cached for a year). Public: none of them holds data. For working on the shell, the system
 * property {@code qinglian.ui.devFolder} names a folder whose files are served for {@code /ui/*}
 * instead of the bundle's, so a page reload shows an edit.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/ui/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/lib/*",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=qinglian-ui-static" })
public class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String VERSIONED = "public, max-age=31536000, immutable";
    private static final String REVALIDATED = "no-cache";

    private transient Bundle bundle;
    private transient Path devFolder;

    @Activate
    void activate(BundleContext context) {
        this.bundle = context.getBundle();
        String dev = System.getProperty("qinglian.ui.devFolder");
        this.devFolder = dev == null || dev.isBlank() ? null : Path.of(dev).toAbsolutePath().normalize();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String folder = request.getServletPath(); // "/ui" or "/lib"
        String path = request.getPathInfo();
        String relative = path == null ? null : path.substring(1);
        if (!Resources.safe(relative) || Resources.contentType(relative) == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (devFolder != null && "/ui".equals(folder) && Files.isRegularFile(devFolder.resolve(relative))) {
            Resources.send(devFolder.resolve(relative).toUri().toURL(), relative, "no-store", System.nanoTime(),
                    request, response);
            return;
        }
        URL resource = bundle.getEntry(folder.substring(1) + "/" + relative);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Resources.send(resource, relative, "/lib".equals(folder) ? VERSIONED : REVALIDATED, bundle.getLastModified(),
                request, response);
    }
}
