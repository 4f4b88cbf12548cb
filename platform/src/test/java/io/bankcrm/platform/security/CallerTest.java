package io.bankcrm.platform.security;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The system caller and the reading of token claims (container-free; the request side runs in every service's tests). */
class CallerTest {

    @Test
    void aSystemCallerHasANameAndNothingElse() {
        Caller worker = Caller.system("tiering-run");
        assertEquals("tiering-run", worker.name());
        assertTrue(worker.system());
        assertFalse(worker.anonymous());
        assertEquals(Set.of(), worker.roles());
        assertFalse(worker.hasRole(Roles.CRM_ADMIN));
        assertEquals(Optional.empty(), worker.claim("branch"));
        assertThrows(IllegalArgumentException.class, () -> Caller.system(" "));
        assertThrows(NullPointerException.class, () -> Caller.system(null));
    }

    @Test
    void claimsReadAsTextWhicheverTypeTheTokenLibraryGives() {
        assertEquals(Optional.of("BJ-HD-01"), CurrentCaller.text(Json.createValue("BJ-HD-01")));
        assertEquals(Optional.of("BJ-HD-01"), CurrentCaller.text("BJ-HD-01"));
        assertEquals(Optional.of("42"), CurrentCaller.text(Json.createValue(42)));
        assertEquals(Optional.empty(), CurrentCaller.text(null));
        assertEquals(Optional.empty(), CurrentCaller.text(Json.createValue(" ")));
    }
}
