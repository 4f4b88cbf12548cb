package io.bankcrm.platform.web;

import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.validation.Text;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Query, header and path parameters read strictly, naming the parameter at fault. JAX-RS answers 404 when a
 * query value does not convert ({@code limit=abc}) and {@code Boolean.valueOf} takes "maybe" for false; here a
 * query or header value that is not an integer, {@code true}/{@code false}, an enum constant or a UUID is a 400
 * naming the parameter, and a path segment that cannot be an identifier is a 404 (there is no such resource).
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Parameter parameter = Parameter.of(annotations);
        if (parameter == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) parameter.converter(v -> INTEGER.matcher(v).matches() ? Integer.valueOf(v) : null,
                    "must be an integer");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) parameter.converter(v -> INTEGER.matcher(v).matches() ? Long.valueOf(v) : null,
                    "must be an integer");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) parameter.converter(v -> switch (v) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            }, "must be true or false");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) parameter.converter(v -> UUID_TEXT.matcher(v).matches() ? UUID.fromString(v) : null,
                    "must be a UUID");
        }
        if (rawType == String.class) {
            return (ParamConverter<T>) parameter.converter(v -> Text.problemOf(v) == null ? v : null,
                    "must not contain the NUL character or an unpaired surrogate");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) parameter.converter(v -> {
                for (Enum constant : type.getEnumConstants()) {
                    if (constant.name().equals(v)) {
                        return constant;
                    }
                }
                return null;
            }, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return null;
    }

    /** Where a parameter comes from and its name. */
    record Parameter(String name, boolean inPath) {

        static Parameter of(Annotation[] annotations) {
            for (Annotation a : annotations) {
                if (a instanceof PathParam p) {
                    return new Parameter(p.value(), true);
                } else if (a instanceof RestPath p) {
                    return new Parameter(p.value(), true);
                } else if (a instanceof QueryParam q) {
                    return new Parameter(q.value(), false);
                } else if (a instanceof RestQuery q) {
                    return new Parameter(q.value(), false);
                } else if (a instanceof HeaderParam h) {
                    return new Parameter(h.value(), false);
                } else if (a instanceof RestHeader h) {
                    return new Parameter(h.value(), false);
                } else if (a instanceof FormParam f) {
                    return new Parameter(f.value(), false);
                } else if (a instanceof CookieParam c) {
                    return new Parameter(c.value(), false);
                } else if (a instanceof MatrixParam m) {
                    return new Parameter(m.value(), false);
                }
            }
            return null;
        }

        <T> ParamConverter<T> converter(Function<String, T> parse, String expectation) {
            return new ParamConverter<>() {
                @Override
                public T fromString(String value) {
                    if (value == null) {
                        return null;
                    }
                    T parsed;
                    try {
                        parsed = parse.apply(value);
                    } catch (RuntimeException e) { // out of range, e.g. an integer of 12 digits
                        parsed = null;
                    }
                    if (parsed == null) {
                        throw refused(expectation);
                    }
                    return parsed;
                }

                @Override
                public String toString(T value) {
                    return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
                }
            };
        }

        private WebApplicationException refused(String expectation) {
            if (inPath) {
                return new NotFoundException();
            }
            // JAX-RS passes a WebApplicationException from a converter through unchanged; the problem inside it
            // is what ProblemMappers answers with
            return new WebApplicationException(ProblemException.invalidField(name, expectation), 400);
        }
    }
}
