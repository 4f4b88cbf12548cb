package io.bankcrm.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevTokenTest {

    @Test
    void tokenIsSignedWithTheGeneratedKeyPair(@TempDir Path dir) throws Exception {
        assertTrue(DevKeys.ensureKeyPair(dir));
        assertFalse(DevKeys.ensureKeyPair(dir), "existing keys are kept");
        String publicPem = Files.readString(dir.resolve("public.pem"));
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----"));
        assertTrue(Files.readString(dir.resolve("private.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));

        String jwt = DevToken.token(DevKeys.readPrivateKey(dir.resolve("private.pem")), DevToken.DEFAULT_ISSUER,
                "dev-user", "BJ-HD-01", List.of("crm-admin", "customer-reader"), 8 * 3600);
        String[] parts = jwt.split("\\.");
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(
                publicPem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""))));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(pub);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"https://crm.local\""), claims);
        assertTrue(claims.contains("\"groups\":[\"crm-admin\",\"customer-reader\"]"), claims);
        assertTrue(claims.contains("\"upn\":\"dev-user\""), claims);
        assertTrue(claims.contains("\"aud\":\"bank-crm\""), claims);
        assertTrue(claims.contains("\"branch\":\"BJ-HD-01\""), claims);
    }
}
