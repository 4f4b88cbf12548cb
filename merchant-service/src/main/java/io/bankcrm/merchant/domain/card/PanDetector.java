package io.bankcrm.merchant.domain.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a full card number (PAN) in free text, so that a request carrying one is refused before anything is stored
 * or logged. A PAN is 12 to 19 digits passing the Luhn check; it is found where it stands on its own (not inside a
 * longer run of digits) and also when written in groups separated by up to three spaces or dashes ("6222 0212 3456
 * 7890 128", "4111-1111-1111-1111"). Digits of any script count (a full-width ４ is a 4), and in a grouped
 * number every run of consecutive whole groups is tried, so a card number written after another number ("ref
 * 1234 4111 1111 1111 1111") is found too.
 *
 * <p>Every digit run of 12 to 19 digits passes the Luhn check one time in ten, so an all-digit reference of that
 * length will sometimes be taken for a card number; the API documents that references carry a letter.
 */
public final class PanDetector {

    public static final int MIN_DIGITS = 12;
    public static final int MAX_DIGITS = 19;
    /** Separators between two groups: "4111 1111", "4111 - 1111" and "4111  1111" all join. */
    private static final int MAX_GAP = 3;

    private PanDetector() {
    }

    /** Where a PAN was found: {@code start} inclusive, {@code end} exclusive, in chars of the text. */
    public record Finding(int start, int end, String lastFour) {
    }

    public static boolean containsPan(CharSequence text) {
        return find(text).isPresent();
    }

    public static Optional<Finding> find(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (Character.digit(text.charAt(i), 10) < 0) {
                i++;
                continue;
            }
            // a chain of digit groups joined by short runs of separators
            List<int[]> groups = new ArrayList<>(); // {start, end} in chars
            int j = i;
            while (true) {
                int start = j;
                while (j < n && Character.digit(text.charAt(j), 10) >= 0) {
                    j++;
                }
                groups.add(new int[] {start, j});
                int gap = 0;
                while (j + gap < n && gap < MAX_GAP && isSeparator(text.charAt(j + gap))) {
                    gap++;
                }
                if (gap > 0 && j + gap < n && Character.digit(text.charAt(j + gap), 10) >= 0) {
                    j += gap;
                } else {
                    break;
                }
            }
            Optional<Finding> found = findInChain(text, groups);
            if (found.isPresent()) {
                return found;
            }
            i = j;
        }
        return Optional.empty();
    }

    private static Optional<Finding> findInChain(CharSequence text, List<int[]> groups) {
        for (int first = 0; first < groups.size(); first++) {
            int count = 0;
            for (int last = first; last < groups.size(); last++) {
                count += groups.get(last)[1] - groups.get(last)[0];
                if (count > MAX_DIGITS) {
                    break;
                }
                if (count >= MIN_DIGITS) {
                    int[] digits = new int[count];
                    int k = 0;
                    for (int g = first; g <= last; g++) {
                        for (int c = groups.get(g)[0]; c < groups.get(g)[1]; c++) {
                            digits[k++] = Character.digit(text.charAt(c), 10);
                        }
                    }
                    if (Luhn.isValid(digits, 0, count)) {
                        StringBuilder lastFour = new StringBuilder();
                        for (int d = count - 4; d < count; d++) {
                            lastFour.append(digits[d]);
                        }
                        return Optional.of(new Finding(groups.get(first)[0], groups.get(last)[1], lastFour.toString()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '\u00A0' || c == '\u3000' || c == '\u2010' || c == '\u2011'
                || c == '\u2013' || c == '\uFF0D';
    }
}
