package io.bankcrm.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.identifiers.ResidentIdNumber;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.MultiPartSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one place the system tests' personal data values are collected: every resident ID number, mainland mobile
 * number and full card number (PAN) that any IT sends to a service (a RestAssured filter reads each request's body,
 * multipart parts and query values; calls made without RestAssured {@link #record} theirs), written to
 * {@code target/system-tests/personal-values.txt}, which PersonalDataInLogsIT reads after the run to scan every
 * service process's log (same directory) for them.
 *
 * <p>The first use in a test JVM starts a new run: the previous run's logs and values are deleted, so the scan
 * reads exactly the logs of the processes this run started.
 */
final class PersonalValues {

    static final Path DIR = Path.of("target", "system-tests").toAbsolutePath();
    static final Path FILE = DIR.resolve("personal-values.txt");

    /** 18 characters that may be a resident ID number (kept when its check character is right). */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    /** A mainland mobile number, not inside a longer run of digits. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    /** 13 to 19 digits, kept when they pass the Luhn check. */
    private static final Pattern PAN = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RECORDED = new LinkedHashSet<>();
    private static boolean started;

    private PersonalValues() {
    }

    /** Starts the run (once per JVM) and installs the filter that records what RestAssured sends. */
    static synchronized void startRun() {
        if (started) {
            return;
        }
        started = true;
        try {
            if (Boolean.getBoolean("crm.systemtests.logs-scan")) { // the scan's JVM: the run's logs stay
                RestAssured.filters(PersonalValues::recordRequest);
                return;
            }
            Files.createDirectories(DIR);
            try (Stream<Path> old = Files.list(DIR)) {
                for (Path file : old.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the run's log directory " + DIR, e);
        }
        RestAssured.filters(PersonalValues::recordRequest);
    }

    private static Response recordRequest(FilterableRequestSpecification request,
                                          FilterableResponseSpecification response, FilterContext context) {
        Object body = request.getBody();
        if (body != null) {
            recordFoundIn(text(body));
        }
        for (MultiPartSpecification part : request.getMultiPartParams()) {
            recordFoundIn(text(part.getContent()));
        }
        request.getQueryParams().values().forEach(v -> recordFoundIn(String.valueOf(v)));
        request.getFormParams().values().forEach(v -> recordFoundIn(String.valueOf(v)));
        recordFoundIn(request.getURI());
        return context.next(request, response);
    }

    /** Records values sent by other means than RestAssured. */
    static synchronized void record(String... values) {
        startRun();
        write(List.of(values));
    }

    /** Every resident ID number, mobile number and PAN in {@code text}, recorded. */
    static synchronized void recordFoundIn(String text) {
        write(find(text));
    }

    static Set<String> find(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher id = ID_NUMBER.matcher(text);
        while (id.find()) {
            String value = id.group().toUpperCase();
            if (ResidentIdNumber.checkCharacter(value.substring(0, 17)) == value.charAt(17)) {
                found.add(value);
            }
        }
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
            found.add(mobile.group());
        }
        Matcher pan = PAN.matcher(text);
        while (pan.find()) {
            if (luhn(pan.group())) {
                found.add(pan.group());
            }
        }
        return found;
    }

    /** The values the run recorded so far (all test JVMs of the run). */
    static Set<String> all() {
        try {
            return Files.exists(FILE) ? new LinkedHashSet<>(Files.readAllLines(FILE)) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static void write(Collection<String> values) {
        List<String> fresh = values.stream().filter(v -> v != null && !v.isBlank() && RECORDED.add(v)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        try {
            Files.write(FILE, fresh, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record personal values in " + FILE, e);
        }
    }

    private static String text(Object content) {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (content instanceof Path || content instanceof java.io.File) {
            try {
                return Files.readString(content instanceof Path p ? p : ((java.io.File) content).toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            return String.valueOf(content);
        }
    }
}
