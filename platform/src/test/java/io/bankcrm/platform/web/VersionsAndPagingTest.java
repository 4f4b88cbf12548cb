package io.bankcrm.platform.web;

import io.bankcrm.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** If-Match checks and cursor paging (container-free). */
class VersionsAndPagingTest {

    @Test
    void ifMatchAcceptsTheCurrentVersionAndRefusesStaleOrMissingOnes() {
        assertDoesNotThrow(() -> Versions.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> Versions.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> Versions.requireMatch("\"1\", \"3\"", 3));
        assertEquals(412, assertThrows(ProblemException.class, () -> Versions.requireMatch("\"2\"", 3)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.requireMatch(null, 3)).status());
    }

    @Test
    void theLimitIsCappedAndCursorsRoundTrip() {
        assertEquals(PageRequest.MAX_LIMIT, PageRequest.of(10_000, null).limit());
        assertEquals(PageRequest.DEFAULT_LIMIT, PageRequest.of(null, null).limit());
        assertThrows(ProblemException.class, () -> PageRequest.of(0, null));
        PageRequest next = PageRequest.of(5, PageRequest.cursorAfter("欧阳", "id-1"));
        assertEquals("欧阳", next.afterValue(0));
        assertEquals("id-1", next.afterValue(1));
        assertThrows(ProblemException.class, () -> PageRequest.of(5, "%%%"));
        java.util.UUID id = java.util.UUID.randomUUID();
        PageRequest typed = PageRequest.of(5, PageRequest.cursorAfter("2026-03-05T10:30:00Z", id.toString(), "42"));
        assertEquals(java.time.Instant.parse("2026-03-05T10:30:00Z"), typed.afterInstant(0));
        assertEquals(id, typed.afterUuid(1));
        assertEquals(42L, typed.afterLong(2));
        ProblemException wrongShape = assertThrows(ProblemException.class, () -> typed.afterUuid(0));
        assertEquals("cursor", wrongShape.toProblem().getErrors().get(0).field());
        assertThrows(ProblemException.class, () -> typed.afterInt(3));
    }

    @Test
    void aPageFromAnOverfetchKnowsWhetherMoreFollow() {
        Page<Integer> more = Page.fromOverfetch(List.of(1, 2, 3), 2, i -> i, i -> "after" + i);
        assertEquals(List.of(1, 2), more.items());
        assertEquals("after2", more.nextCursor());
        Page<Integer> last = Page.fromOverfetch(List.of(1, 2), 2, i -> i, i -> "after" + i);
        assertNull(last.nextCursor());
        assertTrue(Page.fromOverfetch(List.<Integer>of(), 2, i -> i, i -> "x").items().isEmpty());
    }
}
