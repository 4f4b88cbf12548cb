package io.bankcrm.platform.testing;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * Signed RS256 tokens for tests, from a key pair made for this test JVM only; the services under test are
 * configured with its public key by {@link CrmTestStack}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://crm.local";
    /** The audience the services accept (platform default {@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "bank-crm";

    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** An {@code Authorization} header value for a user holding these roles. */
    public static String bearer(String... roles) {
        return "Bearer " + token("tester", roles);
    }

    public static String token(String user, String... roles) {
        return tokenAt(user, null, roles);
    }

    /** A token of a user working at {@code branch} (the {@code branch} claim; none when null). */
    public static String tokenAt(String user, String branch, String... roles) {
        var claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .upn(user)
                .subject(user)
                .groups(Set.of(roles));
        if (branch != null) {
            claims.claim("branch", branch);
        }
        return claims.expiresIn(3600).jws().keyId("test").sign(KEYS.getPrivate());
    }

    /** A token like {@link #token} for another audience than the services'. */
    public static String tokenFor(String audience, String user, String... roles) {
        return Jwt.issuer(ISSUER).audience(audience).upn(user).subject(user).groups(Set.of(roles)).expiresIn(3600)
                .jws().keyId("test").sign(KEYS.getPrivate());
    }

    /** A token signed by a key the services do not trust. */
    public static String forgedBearer(String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).upn("mallory").groups(Set.of(roles)).expiresIn(3600)
                .jws().sign(generate().getPrivate());
    }

    /** The PEM file of the public key that verifies these tokens. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "crm-test-jwt").toAbsolutePath());
                publicKeyFile = dir.resolve("public.pem");
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
