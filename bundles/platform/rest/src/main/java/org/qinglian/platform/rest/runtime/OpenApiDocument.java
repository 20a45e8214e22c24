package org.qinglian.platform.rest.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;

import org.qinglian.platform.api.Page;
import org.qinglian.platform.rest.runtime.PermissionFilter.Declaration;

/**
 * Builds the OpenAPI 3 document of every published resource from its JAX-RS annotations:
 * paths, parameters, request bodies, response schemas, and per operation the module and the
 * permission it declares ({@code x-qinglian-module}, {@code x-qinglian-permission}), so that
 * tests can walk every endpoint.
 */
final class OpenApiDocument {

    private final Map<String, Object> schemas = new TreeMap<>();

    /**
     * @param servers module id to its base path and resource instances
     */
    Map<String, Object> build(Map<String, Map.Entry<String, Collection<Object>>> servers) {
        Map<String, Object> paths = new TreeMap<>();
        servers.forEach((module, server) -> {
            for (Object resource : server.getValue()) {
                Class<?> type = resource.getClass();
                String base = join(server.getKey(), pathOf(type));
                for (Method m : type.getMethods()) {
                    String verb = verb(m);
                    if (verb == null) {
                        continue;
                    }
                    String path = join(base, pathOf(m));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, k -> new TreeMap<>());
                    item.put(verb, operation(module, type, m));
                }
            }
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Qinglian API", "version", "v1"));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas));
        return doc;
    }

    private Map<String, Object> operation(String module, Class<?> type, Method m) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", type.getSimpleName() + "." + m.getName());
        op.put("tags", List.of(module));
        Declaration d = Declaration.of(type, m);
        op.put("x-qinglian-module", module);
        if (d.permission() != null) {
            op.put("x-qinglian-permission", d.permission());
        } else if (d.isPublic()) {
            op.put("x-qinglian-public", true);
        } else if (d.isAuthenticated()) {
            op.put("x-qinglian-authenticated", true);
        }
        List<Object> parameters = new ArrayList<>();
        Annotation[][] annotations = m.getParameterAnnotations();
        Type[] types = m.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String in = null;
            String name = null;
            boolean context = false;
            for (Annotation a : annotations[i]) {
                if (a instanceof PathParam) {
                    in = "path";
                    name = ((PathParam) a).value();
                } else if (a instanceof QueryParam) {
                    in = "query";
                    name = ((QueryParam) a).value();
                } else if (a instanceof HeaderParam) {
                    in = "header";
                    name = ((HeaderParam) a).value();
                } else if (a instanceof Context) {
                    context = true;
                }
            }
            if (in != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", name);
                p.put("in", in);
                p.put("required", "path".equals(in));
                p.put("schema", Map.of("type", "string"));
                parameters.add(p);
            } else if (!context) {
                op.put("requestBody", Map.of("required", true, "content",
                        Map.of(consumes(type, m), Map.of("schema", schema(types[i])))));
            }
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "OK");
        Type returned = m.getGenericReturnType();
        if (returned != void.class && returned != javax.ws.rs.core.Response.class) {
            ok.put("content", Map.of("application/json", Map.of("schema", schema(returned))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", ok);
        responses.put("default", Map.of("description", "Problem (RFC 9457)",
                "content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", schema(Problem.class)))));
        op.put("responses", responses);
        return op;
    }

    private static String consumes(Class<?> type, Method m) {
        Consumes c = m.getAnnotation(Consumes.class);
        if (c == null) {
            c = type.getAnnotation(Consumes.class);
        }
        return c == null || c.value().length == 0 ? "application/json" : c.value()[0];
    }

    private Map<String, Object> schema(Type t) {
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            Class<?> raw = (Class<?>) p.getRawType();
            Type arg = p.getActualTypeArguments()[0];
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schema(arg));
            }
            if (raw == Page.class) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("items", Map.of("type", "array", "items", schema(arg)));
                props.put("total", Map.of("type", "integer", "format", "int64"));
                props.put("page", Map.of("type", "integer"));
                props.put("size", Map.of("type", "integer"));
                return Map.of("type", "object", "properties", props);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object");
            }
            return schema(raw);
        }
        Class<?> c = t instanceof Class ? (Class<?>) t : Object.class;
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == UUID.class) {
            return Map.of("type", "string", "format", "uuid");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return Map.of("type", "integer");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object o : c.getEnumConstants()) {
                values.add(((Enum<?>) o).name());
            }
            return Map.of("type", "string", "enum", values);
        }
        if (c == Object.class || Map.class.isAssignableFrom(c)) {
            return Map.of("type", "object");
        }
        String name = c.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of());
            Map<String, Object> props = new TreeMap<>();
            for (Method g : c.getMethods()) {
                String prop = property(g);
                if (prop != null) {
                    props.put(prop, schema(g.getGenericReturnType()));
                }
            }
            schemas.put(name, Map.of("type", "object", "properties", props));
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static String property(Method g) {
        if (Modifier.isStatic(g.getModifiers()) || g.getParameterCount() != 0 || g.getDeclaringClass() == Object.class) {
            return null;
        }
        String n = g.getName();
        if (n.startsWith("get") && n.length() > 3) {
            return Character.toLowerCase(n.charAt(3)) + n.substring(4);
        }
        if (n.startsWith("is") && n.length() > 2 && (g.getReturnType() == boolean.class)) {
            return Character.toLowerCase(n.charAt(2)) + n.substring(3);
        }
        return null;
    }

    private static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "post";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "put";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "delete";
        }
        if (m.isAnnotationPresent(PATCH.class)) {
            return "patch";
        }
        return null;
    }

    private static String pathOf(java.lang.reflect.AnnotatedElement e) {
        Path p = e.getAnnotation(Path.class);
        // a template parameter's regular expression ({action: install|uninstall}) is no part of the path
        return p == null ? "" : p.value().replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
    }

    static String join(String a, String b) {
        String s = (a + "/" + b).replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
