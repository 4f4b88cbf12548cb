package io.bankcrm.platform.pii;

/**
 * How personal identifiers look to someone without the pii-reader permission: enough to recognise a customer
 * on the phone ("the number ending 5678"), not enough to use.
 */
public final class Masking {

    private Masking() {
    }

    /**
     * {@code 110105********002X}: a resident ID keeps its region code and last four; a shorter document
     * (passport, permit) keeps a quarter at each end, so most of it stays hidden.
     */
    public static String idNumber(String value) {
        if (value == null) {
            return null;
        }
        return value.length() >= 15 ? keep(value, 6, 4) : keep(value, value.length() / 4, value.length() / 4);
    }

    /** {@code 138****5678}. */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        return keep(value, Math.min(3, value.length() / 3), 4);
    }

    /** {@code z***@example.com}: the first character of the local part and the domain kept. */
    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        if (at <= 0) {
            return "*".repeat(value.length());
        }
        return value.charAt(0) + "***" + value.substring(at);
    }

    private static String keep(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
