package io.bankcrm.customer;

import io.bankcrm.identifiers.ResidentIdNumber;
import io.bankcrm.platform.testing.CrmTestStack;
import io.bankcrm.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's log never holds a personal data value: after registrations, a duplicate, refusals, a match, a
 * search, a change of mobile, an unmasked read and an import with bad rows, the run's log file (everything this
 * module's tests logged so far; {@code src/test/resources/application.properties}) contains none of the values
 * sent, no valid resident ID number and no mobile number.
 */
@QuarkusTest
@QuarkusTestResource(CrmTestStack.class)
class PersonalDataInLogsTest {

    private static final Path LOG_DIR = Path.of("target");
    private static final String LOG_NAME = "quarkus-test.log";
    private static final String RM = "Bearer " + TestTokens.tokenAt("log-rm", CustomerMother.BRANCH,
            "relationship-manager", "pii-reader");
    private static final String ADMIN = TestTokens.bearer("crm-admin");
    /** 18 characters that may be a resident ID number (checked by its check digit), not inside a longer token. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    /** A mainland mobile number, not inside a longer token (a UUID, a timestamp). */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");

    @Test
    void noIdNumberPhoneOrEmailReachesTheLog() {
        List<String> sent = new ArrayList<>();
        Map<String, Object> person = CustomerMother.individual();
        sent.add((String) person.get("idNumber"));
        sent.add((String) person.get("mobile"));
        sent.add((String) person.get("email"));
        String id = given().header("Authorization", RM).contentType(ContentType.JSON).body(person)
                .post("/v1/customers").then().statusCode(201).extract().path("id");
        given().header("Authorization", RM).contentType(ContentType.JSON).body(person)
                .post("/v1/customers").then().statusCode(409);

        Map<String, Object> wrongCheckDigit = CustomerMother.individual();
        String valid = (String) wrongCheckDigit.get("idNumber");
        String invalid = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        wrongCheckDigit.put("idNumber", invalid);
        wrongCheckDigit.put("mobile", "1" + "2345678901");
        sent.add(invalid);
        sent.add((String) wrongCheckDigit.get("mobile"));
        given().header("Authorization", RM).contentType(ContentType.JSON).body(wrongCheckDigit)
                .post("/v1/customers").then().statusCode(400);

        given().header("Authorization", RM).contentType(ContentType.JSON)
                .body(Map.of("idType", "RESIDENT_ID", "idNumber", person.get("idNumber")))
                .post("/v1/customers/match").then().statusCode(200);
        given().header("Authorization", RM).queryParam("phone", person.get("mobile"))
                .get("/v1/customers").then().statusCode(200);
        String newMobile = CustomerMother.mobile();
        sent.add(newMobile);
        given().header("Authorization", RM).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("mobile", newMobile)).patch("/v1/customers/" + id).then().statusCode(200);
        given().header("Authorization", RM).get("/v1/customers/" + id)
                .then().statusCode(200);

        String importedId = CustomerMother.residentId();
        String importedMobile = CustomerMother.mobile();
        sent.add(importedId);
        sent.add(importedMobile);
        String csv = "kind,fullName,idNumber,mobile,homeBranch\n"
                + "INDIVIDUAL,钱多多," + importedId + "," + importedMobile + "," + CustomerMother.BRANCH + "\n"
                + "INDIVIDUAL,钱少少," + invalid + "," + importedMobile + "," + CustomerMother.BRANCH + "\n";
        String job = given().header("Authorization", ADMIN).contentType("text/csv").body(csv)
                .post("/v1/customer-imports").then().statusCode(202).extract().path("id");
        awaitCompleted(job);

        String log = awaitLogMentioning(job);
        for (String value : sent) {
            assertTrue(!log.contains(value), "the log holds a personal data value sent: " + value);
        }
        assertEquals(List.of(), idNumbersIn(log), "valid resident ID numbers in the log");
        assertEquals(List.of(), matches(MOBILE, log), "mobile numbers in the log");
    }

    private static List<String> idNumbersIn(String log) {
        return matches(ID_NUMBER, log).stream().filter(s -> ResidentIdNumber.validate(s, LocalDate.now()).valid()).toList();
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static void awaitCompleted(String job) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!"COMPLETED".equals(given().header("Authorization", ADMIN).get("/v1/customer-imports/" + job)
                .then().statusCode(200).extract().path("status"))) {
            assertTrue(Instant.now().isBefore(deadline), "import " + job + " did not complete");
            pause();
        }
    }

    /** The whole log of the run so far (with rotated files), once it mentions {@code job}: proof it is captured. */
    private static String awaitLogMentioning(String job) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            String log = readLog();
            if (log.contains(job)) {
                return log;
            }
            assertTrue(Instant.now().isBefore(deadline), "the log file never mentions import job " + job);
            pause();
        }
    }

    private static String readLog() {
        try (Stream<Path> files = Files.list(LOG_DIR)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(LOG_NAME)).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
