package io.bankcrm.crosssell.domain.lead;

import io.bankcrm.platform.domain.IllegalTransition;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.crosssell.domain.product.ProductCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.bankcrm.crosssell.domain.CrosssellMother.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: the lead life cycle, holds, approvals and what a conversion records. */
class LeadLifecycleTest {

    private static final Instant AT = Instant.parse("2026-11-16T02:00:00Z");
    private static final Conversion LOAN = new Conversion(ProductCode.PERSONAL_LOAN, yuan("80000.00"),
            LocalDate.of(2026, 11, 20), "LN-2026-000123");

    @Test
    void aLeadConvertsThroughContactAndQualification() {
        LeadStep contacted = LeadLifecycle.NEW.contact("rm.li", AT, ContactClearance.NOT_NEEDED);
        LeadStep qualified = contacted.after().qualify("rm.li", AT.plusSeconds(60));
        LeadStep converted = qualified.after().convert("rm.li", AT.plusSeconds(120), LOAN);
        assertEquals(LeadStatus.CONVERTED, converted.after().status());
        assertEquals(LOAN, converted.after().conversion());
        assertEquals(LeadStatus.CONVERTED, converted.after().furthest());
        assertEquals(LeadStatus.QUALIFIED, converted.transition().from());
        assertEquals("rm.li", converted.transition().actor());
        assertEquals("opened PERSONAL_LOAN (80000.00 CNY)", converted.transition().reason());
    }

    @Test
    void allowsExactlyTheStepsOfTheTable() {
        Set<String> allowed = Set.of("NEW>CONTACTED", "NEW>EXPIRED", "NEW>ON_HOLD",
                "CONTACTED>QUALIFIED", "CONTACTED>LOST", "CONTACTED>EXPIRED", "CONTACTED>ON_HOLD",
                "QUALIFIED>CONVERTED", "QUALIFIED>LOST", "QUALIFIED>EXPIRED", "QUALIFIED>ON_HOLD",
                "ON_HOLD>NEW", "ON_HOLD>CONTACTED", "ON_HOLD>QUALIFIED", "ON_HOLD>EXPIRED");
        for (LeadStatus from : LeadStatus.values()) {
            for (LeadStatus to : LeadStatus.values()) {
                assertEquals(allowed.contains(from + ">" + to), from.canTransitionTo(to), from + " to " + to);
            }
        }
    }

    @Test
    void refusesSkippingStagesAndLeavingAFinalStatus() {
        assertThrows(IllegalTransition.class, () -> LeadLifecycle.NEW.qualify("rm.li", AT));
        assertThrows(IllegalTransition.class, () -> LeadLifecycle.NEW.convert("rm.li", AT, LOAN));
        assertThrows(IllegalTransition.class, () -> LeadLifecycle.NEW.lose("rm.li", AT, "never reached"));
        LeadLifecycle contacted = LeadLifecycle.NEW.contact("rm.li", AT, ContactClearance.NOT_NEEDED).after();
        assertThrows(IllegalTransition.class, () -> contacted.convert("rm.li", AT, LOAN));
        LeadLifecycle lost = contacted.lose("rm.li", AT, "has a loan elsewhere").after();
        assertThrows(IllegalTransition.class, () -> lost.contact("rm.li", AT, ContactClearance.NOT_NEEDED));
        assertThrows(IllegalTransition.class, () -> lost.expire("system", AT, "x"));
        assertThrows(IllegalTransition.class, () -> lost.hold("system", AT, "x"));
    }

    @Test
    void losingAndExpiringNeedAReason() {
        LeadLifecycle contacted = LeadLifecycle.NEW.contact("rm.li", AT, ContactClearance.NOT_NEEDED).after();
        assertThrows(InvalidInput.class, () -> contacted.lose("rm.li", AT, " "));
        assertThrows(InvalidInput.class, () -> LeadLifecycle.NEW.expire("system", AT, null));
    }

    @Test
    void aHeldLeadReturnsToTheStatusItWasHeldIn() {
        LeadLifecycle qualified = LeadLifecycle.NEW.contact("rm.li", AT, ContactClearance.NOT_NEEDED).after()
                .qualify("rm.li", AT).after();
        LeadStep held = qualified.hold("system:crosssell", AT, "payroll agreement suspended");
        assertEquals(LeadStatus.ON_HOLD, held.after().status());
        assertEquals(LeadStatus.QUALIFIED, held.after().heldFrom());
        // while held, nobody works it: only release or expiry
        assertThrows(IllegalTransition.class, () -> held.after().convert("rm.li", AT, LOAN));
        assertThrows(IllegalTransition.class, () -> held.after().lose("rm.li", AT, "x"));
        LeadStep released = held.after().release("system:crosssell", AT, "payroll agreement reactivated");
        assertEquals(LeadStatus.QUALIFIED, released.after().status());
        assertNull(released.after().heldFrom());
        assertEquals(LeadStatus.ON_HOLD, released.transition().from());
        assertEquals(LeadStatus.QUALIFIED, released.transition().to());
        assertEquals(LeadStatus.EXPIRED, held.after().expire("system:crosssell", AT, "terminated").after().status());
        assertThrows(IllegalTransition.class, () -> qualified.release("system:crosssell", AT, null));
    }

    @Test
    void aSensitiveEmployersOfficerIsContactedOnlyAfterApproval() {
        ContactClearance pending = ContactClearance.pending();
        assertThrows(ApprovalRequired.class, () -> LeadLifecycle.NEW.contact("retail.wang", AT, pending));
        ContactClearance approved = pending.approve("corp.rm.chen", AT);
        assertEquals(LeadStatus.CONTACTED,
                LeadLifecycle.NEW.contact("retail.wang", AT, approved).after().status());
        assertThrows(IllegalStateException.class, () -> ContactClearance.NOT_NEEDED.approve("corp.rm.chen", AT));
    }

    @Test
    void aConversionIsExactMoneyAndNeverACardNumber() {
        InvalidInput negative = assertThrows(InvalidInput.class,
                () -> new Conversion(ProductCode.CREDIT_CARD, yuan("-1.00"), LocalDate.of(2026, 11, 1), "CC-1"));
        assertEquals("value", negative.violations().get(0).field());
        // 4111111111111111 passes the Luhn check: a card number is refused as a reference
        InvalidInput pan = assertThrows(InvalidInput.class,
                () -> new Conversion(ProductCode.CREDIT_CARD, yuan("0"), LocalDate.of(2026, 11, 1), "4111111111111111"));
        assertTrue(pan.getMessage().contains("card number"), pan.getMessage());
        // the same length failing Luhn is a contract number
        new Conversion(ProductCode.CREDIT_CARD, yuan("0"), LocalDate.of(2026, 11, 1), "4111111111111112");
        InvalidInput all = assertThrows(InvalidInput.class, () -> new Conversion(null, null, null, "bad ref!"));
        assertEquals(4, all.violations().size());
    }

    /** Any sequence of attempted steps keeps the invariants (no state the record refuses) and follows the table. */
    @Property(tries = 300)
    void randomStepsFollowTheTable(@ForAll("actions") List<String> actions) {
        LeadLifecycle lead = LeadLifecycle.NEW;
        for (String action : actions) {
            int before = rank(lead.furthest());
            try {
                LeadStep step = apply(lead, action);
                assertTrue(step.transition().from().canTransitionTo(step.transition().to()));
                assertEquals(lead.status(), step.transition().from());
                lead = step.after();
            } catch (IllegalTransition | ApprovalRequired refused) {
                // refused: the lead is unchanged
            }
            assertTrue(rank(lead.furthest()) >= before, "the furthest stage never goes back");
        }
    }

    @Provide
    Arbitrary<List<String>> actions() {
        return Arbitraries.of("contact", "qualify", "convert", "lose", "expire", "hold", "release")
                .list().ofMaxSize(12);
    }

    private static LeadStep apply(LeadLifecycle lead, String action) {
        return switch (action) {
            case "contact" -> lead.contact("rm", AT, ContactClearance.NOT_NEEDED);
            case "qualify" -> lead.qualify("rm", AT);
            case "convert" -> lead.convert("rm", AT, LOAN);
            case "lose" -> lead.lose("rm", AT, "declined");
            case "expire" -> lead.expire("system", AT, "ended");
            case "hold" -> lead.hold("system", AT, "suspended");
            default -> lead.release("system", AT, "reactivated");
        };
    }

    private static int rank(LeadStatus s) {
        return List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.CONVERTED).indexOf(s);
    }
}
