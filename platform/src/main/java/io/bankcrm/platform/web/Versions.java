package io.bankcrm.platform.web;

import io.bankcrm.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag, and a write must quote the version it
 * was based on in {@code If-Match}. A write without one is refused (428) rather than silently overwriting
 * someone else's change.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Checks {@code If-Match} against the current version; throws 428 when absent and 412 when stale. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("send If-Match with the ETag of the version you changed");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(
                "If-Match " + ifMatch + " is stale: the current version is \"" + currentVersion + "\"");
    }
}
