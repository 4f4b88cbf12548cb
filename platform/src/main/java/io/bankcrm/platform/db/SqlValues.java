package io.bankcrm.platform.db;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/** Column values of native query rows, whatever Java type the driver and Hibernate chose for them. */
public final class SqlValues {

    private SqlValues() {
    }

    public static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("unexpected date type " + value.getClass());
    }

    public static YearMonth month(Object value) {
        LocalDate date = localDate(value);
        return date == null ? null : YearMonth.from(date);
    }

    public static String monthText(Object value) {
        YearMonth month = month(value);
        return month == null ? null : month.toString();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    public static List<String> texts(Object value) {
        if (value == null) {
            return null;
        }
        Object[] items;
        if (value instanceof Array array) {
            try {
                items = (Object[]) array.getArray();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        } else if (value instanceof Object[] objects) {
            items = objects;
        } else if (value instanceof List<?> list) {
            items = list.toArray();
        } else {
            throw new IllegalStateException("unexpected array type " + value.getClass());
        }
        return Arrays.stream(items).map(String::valueOf).toList();
    }

    public static long longValue(Object value) {
        return ((Number) value).longValue();
    }

    public static int intValue(Object value) {
        return ((Number) value).intValue();
    }
}
