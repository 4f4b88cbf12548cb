package io.bankcrm.crosssell.domain.product;

import java.util.regex.Pattern;

/**
 * A product's code in the catalogue: upper-case letters, digits and underscores, starting with a letter, 2 to 40
 * characters. The four the bank starts with are constants; users add more.
 */
public record ProductCode(String value) implements Comparable<ProductCode> {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public static final ProductCode PAYROLL_CARD = new ProductCode("PAYROLL_CARD");
    public static final ProductCode PERSONAL_LOAN = new ProductCode("PERSONAL_LOAN");
    public static final ProductCode WEALTH_MANAGEMENT = new ProductCode("WEALTH_MANAGEMENT");
    public static final ProductCode CREDIT_CARD = new ProductCode("CREDIT_CARD");
    /** Not sold: a relationship manager's review of what a customer holds, when the customer is at risk of leaving. */
    public static final ProductCode RETENTION = new ProductCode("RETENTION");

    public ProductCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a product code is 2 to 40 upper-case letters, digits or underscores, "
                    + "starting with a letter; got " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public int compareTo(ProductCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
