package io.bankcrm.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details. {@code type} names the kind of problem (a stable URI a client may switch on);
 * {@code errors} lists the fields at fault for validation problems; extra members (such as the id of an
 * existing duplicate) go in {@code properties}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://problems.bankcrm.io/";

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private URI instance;
    private final List<FieldViolation> errors;
    private final Map<String, Object> properties;

    public Problem(String slug, String title, int status, String detail, List<FieldViolation> errors,
                   Map<String, Object> properties) {
        this.type = URI.create(TYPE_BASE + slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.properties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
    }

    public URI getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public URI getInstance() {
        return instance;
    }

    public List<FieldViolation> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getProperties() {
        return properties;
    }

    /**
     * The {@code instance} URI of a request path as the server decoded it: characters a URI cannot hold (a
     * space, braces, a quote, control characters) are percent-encoded rather than failing.
     */
    public static URI instanceOf(String path) {
        if (path == null) {
            return null;
        }
        try {
            return new URI(null, null, path, null);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    public Problem withInstance(URI instance) {
        this.instance = instance;
        return this;
    }
}
