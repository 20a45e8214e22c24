package org.qinglian.platform.rest.runtime;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.qinglian.platform.api.FieldViolation;
import org.qinglian.platform.api.Messages;
import org.qinglian.platform.api.ProblemException;

/** Builds problem responses in the caller's language from problem exceptions. */
public final class Problems {

    private final Messages messages;

    public Problems(Messages messages) {
        this.messages = messages;
    }

    /** The caller's language, from {@code Accept-Language}; zh-CN by default. */
    public static Locale locale(HttpHeaders headers) {
        try {
            return headers == null ? Messages.ZH_CN : Messages.negotiate(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Messages.ZH_CN;
        }
    }

    /** The caller's language, from the request's {@code Accept-Language}; zh-CN by default. */
    public static Locale locale(ContainerRequestContext request) {
        try {
            return Messages.negotiate(request.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Messages.ZH_CN;
        }
    }

    public Response response(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return response(problem(e, locale(headers), uri));
    }

    public Response response(ProblemException e, ContainerRequestContext request) {
        return response(problem(e, locale(request), request.getUriInfo()));
    }

    public Problem problem(ProblemException e, Locale locale, UriInfo uri) {
        Problem p = new Problem();
        p.setType(Problem.TYPE_PREFIX + e.getType());
        p.setTitle(messages.get(locale, "problemTitle." + e.getType()));
        p.setStatus(e.getStatus());
        p.setMessageKey(e.getMessageKey());
        p.setDetail(messages.get(locale, e.getMessageKey(), e.getArgs()));
        if (uri != null) {
            try {
                p.setInstance(uri.getRequestUri().getRawPath());
            } catch (RuntimeException outsideRequest) {
                p.setInstance(null);
            }
        }
        for (FieldViolation v : e.getViolations()) {
            p.getErrors().add(new Problem.FieldError(v.getField(), v.getMessageKey(),
                    messages.get(locale, v.getMessageKey(), v.getArgs())));
        }
        return p;
    }

    public static Response response(Problem p) {
        return Response.status(p.getStatus()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** A problem about one field, e.g. a malformed query parameter. */
    public static ProblemException field(int status, String type, String messageKey, String field,
            String fieldKey, Object... args) {
        return new ProblemException(status, type, messageKey, List.of(new FieldViolation(field, fieldKey, args)));
    }
}
