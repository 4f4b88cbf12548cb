package io.bankcrm.platform.db;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a native query, read by column name (never by position), with the column types of
 * {@link SqlValues}. Create the query with {@code em.createNativeQuery(sql, Tuple.class)} and read it with
 * {@link #list} or {@link #first}; map a row to its record in one place, e.g. a {@code static Job of(SqlRow row)}.
 */
public final class SqlRow {

    private final Tuple tuple;

    private SqlRow(Tuple tuple) {
        this.tuple = tuple;
    }

    /** The rows of a query created with {@code Tuple.class} as its result class. */
    public static List<SqlRow> list(Query query) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(SqlRow::new).toList();
    }

    /**
     * The first row, if any. The query is run as written (a select should say {@code limit 1}; an
     * {@code update ... returning} cannot be limited by the driver).
     */
    public static Optional<SqlRow> first(Query query) {
        List<SqlRow> rows = list(query);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public Object value(String column) {
        return tuple.get(column);
    }

    public boolean isNull(String column) {
        return value(column) == null;
    }

    public String text(String column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    public UUID uuid(String column) {
        Object value = value(column);
        return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
    }

    /** A non-null whole number. */
    public long longValue(String column) {
        return SqlValues.longValue(value(column));
    }

    /** A whole number, or null. */
    public Long nullableLong(String column) {
        Object value = value(column);
        return value == null ? null : SqlValues.longValue(value);
    }

    public int intValue(String column) {
        return SqlValues.intValue(value(column));
    }

    public boolean bool(String column) {
        return Boolean.TRUE.equals(value(column));
    }

    public BigDecimal decimal(String column) {
        Object value = value(column);
        return value == null || value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
    }

    public Instant instant(String column) {
        return SqlValues.instant(value(column));
    }

    public LocalDate localDate(String column) {
        return SqlValues.localDate(value(column));
    }

    /** A {@code date} column holding the first day of a month. */
    public YearMonth month(String column) {
        return SqlValues.month(value(column));
    }

    public List<String> texts(String column) {
        return SqlValues.texts(value(column));
    }

    /** A text column holding the name of one of {@code type}'s constants, or null. */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        String value = text(column);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
