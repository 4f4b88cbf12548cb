package io.bankcrm.platform.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation of a service's OpenAPI document, as far as hostile requests need it: method, path template, its
 * parameters and the JSON body's properties (references resolved).
 *
 * @param jsonBody     the media type of a JSON document body ({@code application/json}, merge patch), or null
 * @param bodyMedia    every media type the operation takes a body in (empty without a body)
 * @param properties   the JSON body's top-level properties and their schemas
 */
public record ApiOperation(String method, String path, List<Parameter> parameters, String jsonBody,
                           List<String> bodyMedia, Map<String, JsonNode> properties) {

    /** A path, query or header parameter with its schema. */
    public record Parameter(String name, String in, JsonNode schema) {
    }

    /** {@code POST /v1/customers}: the key base bodies and path values are given under. */
    public String key() {
        return method + " " + path;
    }

    public boolean hasBody() {
        return !bodyMedia.isEmpty();
    }

    public List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    /** Every operation of an OpenAPI 3 document (JSON). */
    public static List<ApiOperation> of(String openApiJson) {
        try {
            JsonNode root = new ObjectMapper().readTree(openApiJson);
            List<ApiOperation> all = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    all.add(operation(root, method, path.getKey(), path.getValue(), op.getValue()));
                }
            }
            return all;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document in JSON", e);
        }
    }

    private static ApiOperation operation(JsonNode root, String method, String path, JsonNode pathItem,
                                          JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode parameter = resolve(root, p);
                parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        resolve(root, parameter.path("schema"))));
            }
        }
        List<String> media = new ArrayList<>();
        String json = null;
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode content = resolve(root, op.path("requestBody")).path("content");
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            media.add(type.getKey());
            // a JSON document (application/json, a merge patch), not a bulk file of JSON lines: rows of a file
            // are refused one by one in the import's report, not as a whole
            if (json == null && (type.getKey().equals("application/json") || type.getKey().endsWith("+json"))) {
                json = type.getKey();
                JsonNode schema = resolve(root, type.getValue().path("schema"));
                for (Iterator<Map.Entry<String, JsonNode>> ps = schema.path("properties").fields(); ps.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = ps.next();
                    properties.put(property.getKey(), resolve(root, property.getValue()));
                }
            }
        }
        return new ApiOperation(method, path, List.copyOf(parameters), json, List.copyOf(media), properties);
    }

    /** The node a {@code $ref} points to (one level of allOf with a single reference too). */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        for (int depth = 0; depth < 8; depth++) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                node = ref.startsWith("#/") ? root.at(ref.substring(1)) : node;
                continue;
            }
            if (node.has("allOf") && node.get("allOf").size() == 1) {
                node = node.get("allOf").get(0);
                continue;
            }
            return node;
        }
        return node;
    }
}
