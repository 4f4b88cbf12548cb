package io.bankcrm.platform.pii;

import io.bankcrm.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Encryption and blind index of personal identifiers (container-free). */
class PiiProtectorTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        PiiProtector pii = new PiiProtector(config(KEY_A, KEY_B));
        String first = pii.encrypt("11010519491231002X");
        String second = pii.encrypt("11010519491231002X");
        assertNotEquals(first, second, "equal values must not give equal ciphertexts");
        assertFalse(first.contains("1101051949"));
        assertEquals("11010519491231002X", pii.decrypt(first));
    }

    @Test
    void theBlindIndexIsStablePerKeyAndDiffersAcrossKeys() {
        PiiProtector one = new PiiProtector(config(KEY_A, KEY_B));
        PiiProtector other = new PiiProtector(config(KEY_A, KEY_A));
        assertEquals(one.blindIndex("13812345678"), one.blindIndex("13812345678"));
        assertNotEquals(one.blindIndex("13812345678"), other.blindIndex("13812345678"));
    }

    @Test
    void refusesAWrongKeyOrTamperedCiphertext() {
        assertThrows(IllegalStateException.class, () -> new PiiProtector(config("c2hvcnQ=", KEY_B)));
        PiiProtector pii = new PiiProtector(config(KEY_A, KEY_B));
        String sealed = pii.encrypt("secret");
        PiiProtector otherKey = new PiiProtector(config(KEY_B, KEY_B));
        assertThrows(IllegalStateException.class, () -> otherKey.decrypt(sealed));
    }

    private static PlatformConfig config(String encryption, String hash) {
        PlatformConfig.Pii keys = (PlatformConfig.Pii) Proxy.newProxyInstance(PlatformConfig.class.getClassLoader(),
                new Class<?>[]{PlatformConfig.Pii.class},
                (proxy, method, args) -> method.getName().equals("encryptionKey") ? encryption : hash);
        return (PlatformConfig) Proxy.newProxyInstance(PlatformConfig.class.getClassLoader(),
                new Class<?>[]{PlatformConfig.class},
                (proxy, method, args) -> method.getName().equals("pii") ? keys : null);
    }
}
