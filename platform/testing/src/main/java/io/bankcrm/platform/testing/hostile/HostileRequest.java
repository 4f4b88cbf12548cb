package io.bankcrm.platform.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request, sent as raw HTTP/1.1 so that what a client library would repair (an unencoded brace in the
 * path, a missing Content-Type, an empty header) reaches the server as generated.
 *
 * @param target  the request target as sent: path and query, percent-encoded or not as the defect needs
 * @param headers headers besides Host, Authorization, Content-Length and Connection, in order
 * @param body    the body bytes, or null for none
 */
public record HostileRequest(Defect defect, ApiOperation operation, String method, String target,
                             Map<String, String> headers, byte[] body, String detail) {

    public HostileRequest {
        headers = new LinkedHashMap<>(headers);
    }

    public boolean changesState() {
        return !method.equals("GET");
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "…(" + body.length + " bytes)";
        }
        String line = target.length() > 300 ? target.substring(0, 300) + "…" : target;
        return defect + " (" + detail + ") on " + operation.key() + ": " + method + " " + line + " " + headers
                + (body == null ? "" : " " + shown);
    }
}
