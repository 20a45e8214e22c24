package org.qinglian.platform.rest.runtime;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.qinglian.platform.api.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The exception mappers every server shares: every failure answers a problem document. */
final class ExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {
    }

    /** Common base: the caller's headers and URI, and the problem builder. */
    abstract static class Base {
        @Context
        HttpHeaders headers;
        @Context
        UriInfo uri;
        final Problems problems;

        Base(Problems problems) {
            this.problems = problems;
        }

        Response answer(ProblemException e) {
            return problems.response(e, headers, uri);
        }
    }

    /** Problems the services raise. */
    static final class ForProblems extends Base implements ExceptionMapper<ProblemException> {
        ForProblems(Problems problems) {
            super(problems);
        }

        @Override
        public Response toResponse(ProblemException e) {
            return answer(e);
        }
    }

    /** Bodies that are not JSON, or JSON that does not fit the record: 400 naming the field. */
    static final class ForJson extends Base implements ExceptionMapper<JsonProcessingException> {
        ForJson(Problems problems) {
            super(problems);
        }

        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof JsonParseException || !(e instanceof JsonMappingException)) {
                return answer(new ProblemException(400, "malformed-request", "problem.malformedJson",
                        e.getOriginalMessage()));
            }
            JsonMappingException m = (JsonMappingException) e;
            String field = path(m);
            if (m instanceof UnrecognizedPropertyException || m instanceof IgnoredPropertyException) {
                return answer(Problems.field(400, "validation", "problem.unknownField", field,
                        "validation.unknownField", field));
            }
            return answer(Problems.field(400, "validation", "problem.invalidValue", field.isEmpty() ? "body" : field,
                    "validation.invalidFormat"));
        }

        static String path(JsonMappingException m) {
            StringBuilder b = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    if (b.length() > 0) {
                        b.append('.');
                    }
                    b.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    b.append('[').append(r.getIndex()).append(']');
                }
            }
            return b.toString();
        }
    }

    /** JAX-RS's own failures: unknown path, wrong method, wrong media type. */
    static final class ForWebApplication extends Base implements ExceptionMapper<WebApplicationException> {
        ForWebApplication(Problems problems) {
            super(problems);
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            switch (status) {
                case 404:
                    return answer(new ProblemException(404, "no-such-resource", "problem.noSuchResource"));
                case 405:
                    Response r = answer(new ProblemException(405, "method-not-allowed", "problem.methodNotAllowed"));
                    return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
                case 406:
                    return answer(new ProblemException(406, "not-acceptable", "problem.notAcceptable"));
                case 415:
                    return answer(new ProblemException(415, "unsupported-media-type", "problem.unsupportedMediaType"));
                default:
                    if (status >= 500) {
                        return ForAnything.incident(this, e);
                    }
                    return answer(new ProblemException(status, "http", "problem.http", status));
            }
        }
    }

    /** Anything else is a defect: 500 with an incident id, the stack trace only in the log. */
    static final class ForAnything extends Base implements ExceptionMapper<Throwable> {
        ForAnything(Problems problems) {
            super(problems);
        }

        @Override
        public Response toResponse(Throwable e) {
            return incident(this, e);
        }

        static Response incident(Base base, Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Incident {} while handling a REST request", incident, e);
            Problem p = base.problems.problem(new ProblemException(500, "internal", "problem.internal", incident),
                    Problems.locale(base.headers), base.uri);
            p.setIncidentId(incident);
            return Problems.response(p);
        }
    }
}
