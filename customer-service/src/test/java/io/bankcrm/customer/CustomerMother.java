package io.bankcrm.customer;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.identifiers.UnifiedSocialCreditCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test customers with real, unique identifiers (valid check digits), so tests sharing one database never
 * collide on the duplicate rules unless they mean to.
 */
public final class CustomerMother {

    /** The branch of the test customers, and of the test users ({@code CustomerResourceTest.as}). */
    public static final String BRANCH = "BJ001";

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    private CustomerMother() {
    }

    /** A valid 18-digit resident ID born in March 1985, unique within the test run. */
    public static String residentId() {
        int n = SEQUENCE.incrementAndGet();
        String first17 = (110000 + (n / 1000) % 10_000) + "198503" + String.format("%02d", 1 + n % 28)
                + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A valid unified social credit code, unique within the test run. */
    public static String creditCode() {
        String first17 = "91110000" + String.format("%09d", SEQUENCE.incrementAndGet() * 7919L % 1_000_000_000L);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    public static String mobile() {
        return "139" + String.format("%08d", SEQUENCE.incrementAndGet() * 104_729L % 100_000_000L);
    }

    /** A complete individual profile, as the JSON body of a registration. */
    public static Map<String, Object> individual() {
        String id = residentId();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "INDIVIDUAL");
        p.put("fullName", "张伟" + SEQUENCE.incrementAndGet());
        p.put("idType", "RESIDENT_ID");
        p.put("idNumber", id);
        p.put("mobile", mobile());
        p.put("email", "zhang.wei" + SEQUENCE.get() + "@example.com");
        p.put("address", "北京市朝阳区建国路1号");
        p.put("occupation", "Engineer");
        p.put("employer", "Example Ltd");
        p.put("homeBranch", BRANCH);
        p.put("relationshipManager", "rm-li");
        p.put("sourceChannel", "BRANCH");
        return p;
    }

    /** A complete corporate profile. */
    public static Map<String, Object> corporate() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", "CORPORATE");
        p.put("registeredName", "北京示例科技有限公司" + SEQUENCE.incrementAndGet());
        p.put("creditCode", creditCode());
        p.put("legalRepresentative", "王芳");
        p.put("industry", "Software");
        p.put("registeredCapital", 5000000.00);
        p.put("address", "北京市海淀区中关村大街1号");
        p.put("homeBranch", BRANCH);
        p.put("relationshipManager", "rm-zhao");
        p.put("sourceChannel", "RM_VISIT");
        return p;
    }
}
