package io.bankcrm.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Prints a signed RS256 JWT for local use: {@code iss} https://crm.local, {@code aud} bank-crm, {@code sub}/{@code upn}
 * dev-user, {@code branch} BJ-HD-01 (the demo's), {@code groups} = the roles given, valid for 8 hours. Plain JDK
 * crypto.
 *
 * <pre>java io.bankcrm.localstack.DevToken --key .crm/jwt/private.pem crm-admin [more roles...]</pre>
 */
public final class DevToken {

    static final String DEFAULT_ISSUER = "https://crm.local";
    /** The audience the services check (platform default {@code mp.jwt.verify.audiences}). */
    static final String AUDIENCE = "bank-crm";
    /** The demo data's branch: a dev relationship manager may change the demo customers. */
    static final String DEFAULT_BRANCH = "BJ-HD-01";
    private static final String USAGE = "usage: DevToken --key PRIVATE_PEM [--issuer " + DEFAULT_ISSUER
            + "] [--subject dev-user] [--branch " + DEFAULT_BRANCH + "] [--ttl-hours 8] ROLE...";

    private DevToken() {
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("key", "issuer", "subject", "branch", "ttl-hours"), USAGE);
        Path key = Path.of(cli.required("key", USAGE));
        List<String> roles = cli.positional();
        if (roles.isEmpty()) {
            throw Cli.fail("give at least one role", USAGE);
        }
        String token = token(DevKeys.readPrivateKey(key), cli.get("issuer", DEFAULT_ISSUER),
                cli.get("subject", "dev-user"), cli.get("branch", DEFAULT_BRANCH), roles,
                cli.intValue("ttl-hours", 8, USAGE) * 3600L);
        System.out.println(token);
    }

    static String token(PrivateKey key, String issuer, String subject, String branch, List<String> roles,
                        long ttlSeconds) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String groups = roles.stream().map(DevToken::json).collect(Collectors.joining(",", "[", "]"));
        String claims = "{"
                + "\"iss\":" + json(issuer)
                + ",\"aud\":" + json(AUDIENCE)
                + ",\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject)
                + ",\"preferred_username\":" + json(subject)
                + ",\"branch\":" + json(branch)
                + ",\"groups\":" + groups
                + ",\"iat\":" + now
                + ",\"auth_time\":" + now
                + ",\"exp\":" + (now + ttlSeconds)
                + ",\"jti\":" + json(UUID.randomUUID().toString())
                + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rsa.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
