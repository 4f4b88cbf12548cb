package io.bankcrm.platform.testing.hostile;

/** The classes of hostile input issue 7's fuzzer found; each must be a 4xx problem and store nothing. */
public enum Defect {
    /** A space, brace, bar, quote or NUL in a path segment, encoded or raw. */
    BAD_PATH_CHARACTER,
    /** A NUL character in a query value or a body text field. */
    NUL_CHARACTER,
    /** A JSON member given twice. */
    REPEATED_MEMBER,
    /** A number or boolean for text, text for a number, a scalar for an array or object. */
    WRONG_TYPE,
    /** A number for an enum value. */
    ENUM_ORDINAL,
    /** A fraction for an integer. */
    FRACTION_FOR_INTEGER,
    /** Epoch seconds for a date or date-time. */
    EPOCH_DATE,
    /** Something after the JSON document. */
    TRAILING_JUNK,
    /** A body without a Content-Type header. */
    MISSING_CONTENT_TYPE,
    /** An {@code Idempotency-Key} header that is present but empty. */
    EMPTY_IDEMPOTENCY_KEY,
    /** A query value that is not of the parameter's type. */
    MALFORMED_QUERY_VALUE,
    /** Text longer than its documented maximum (10,001 characters where none is documented). */
    OVERLONG_STRING
}
