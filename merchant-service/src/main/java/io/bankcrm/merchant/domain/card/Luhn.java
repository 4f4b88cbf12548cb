package io.bankcrm.merchant.domain.card;

/** The Luhn (mod 10) check of card numbers, ISO/IEC 7812-1. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether {@code digits} (values 0..9, the check digit last) pass the check. */
    public static boolean isValid(int[] digits, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = to - 1; i >= from; i--) {
            int d = digits[i];
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public static boolean isValid(CharSequence number) {
        int[] digits = new int[number.length()];
        for (int i = 0; i < number.length(); i++) {
            int d = Character.digit(number.charAt(i), 10);
            if (d < 0) {
                return false;
            }
            digits[i] = d;
        }
        return isValid(digits, 0, digits.length);
    }

    /** The check digit that makes {@code payload} + digit valid. */
    public static int checkDigit(CharSequence payload) {
        for (int d = 0; d <= 9; d++) {
            if (isValid(payload.toString() + d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a digit string: " + payload);
    }
}
