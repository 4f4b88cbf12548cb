package io.bankcrm.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Writes the development JWT signing key pair: {@code private.pem} (PKCS#8, "BEGIN PRIVATE KEY")
 * and {@code public.pem} (X.509 SubjectPublicKeyInfo, "BEGIN PUBLIC KEY"), RSA 2048. Existing keys
 * are kept; a missing public key is derived from the private one.
 *
 * <pre>java io.bankcrm.localstack.DevKeys --dir .crm/jwt</pre>
 */
public final class DevKeys {

    private static final String USAGE = "usage: DevKeys --dir DIR   (writes DIR/private.pem and DIR/public.pem if missing)";

    private DevKeys() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        Cli cli = Cli.parse(args, Set.of("dir"), USAGE);
        Path dir = Path.of(cli.required("dir", USAGE));
        System.out.println(ensureKeyPair(dir) ? "wrote key pair to " + dir : "key pair exists in " + dir);
    }

    /** @return true when something was written */
    static boolean ensureKeyPair(Path dir) throws IOException, GeneralSecurityException {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        Files.createDirectories(dir);
        if (Files.exists(privatePem)) {
            if (Files.exists(publicPem)) {
                return false;
            }
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) readPrivateKey(privatePem);
            PublicKey pub = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            write(publicPem, pem("PUBLIC KEY", pub.getEncoded()), false);
            return true;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        write(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        write(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
        return true;
    }

    static PrivateKey readPrivateKey(Path pemFile) throws IOException, GeneralSecurityException {
        String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new GeneralSecurityException(pemFile + " is a PKCS#1 key; a PKCS#8 key (BEGIN PRIVATE KEY) is needed");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } else {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
