package io.bankcrm.platform.testing.contract;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Puts the {@link ContractFilter} in front of every RestAssured request of a module's tests, without a line in any
 * test: registered through {@code META-INF/services/org.junit.jupiter.api.extension.Extension} of this jar (Quarkus's
 * {@code quarkus-junit-config} switches JUnit's extension auto-detection on) and active where the JUnit
 * configuration parameter (or system property) {@value #SWITCH} is {@code on}, which a module sets in its surefire
 * configuration:
 * <pre>
 * &lt;systemPropertyVariables&gt;&lt;bankcrm.contract.filter&gt;on&lt;/bankcrm.contract.filter&gt;&lt;/systemPropertyVariables&gt;
 * </pre>
 * A {@code @QuarkusTest} runs in Quarkus's class loader, with a RestAssured of its own: the filter is installed
 * through the test class's loader, so it is the RestAssured the test calls. After each test, a violation that did
 * not fail it (caught by the test, or on another thread) fails it here.
 */
public final class ContractExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The JUnit configuration parameter that switches the filter on for a module ({@code on}; anything else: off). */
    public static final String SWITCH = "bankcrm.contract.filter";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!on(context)) {
            return;
        }
        call(context, "install");
        call(context, "forgetDocuments");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!on(context)) {
            return;
        }
        call(context, "install");
        call(context, "drainViolations");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!on(context)) {
            return;
        }
        List<?> violations = (List<?>) call(context, "drainViolations");
        if (!violations.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError(violations.size() + " answer(s) broke the API contract in requests whose "
                    + "failure did not reach the test (caught, or on another thread):\n  "
                    + String.join("\n  ", violations.stream().map(String::valueOf).toList()));
        }
    }

    private static boolean on(ExtensionContext context) {
        return context.getConfigurationParameter(SWITCH).or(() -> java.util.Optional.ofNullable(System.getProperty(SWITCH)))
                .map(value -> value.trim().equals("on")).orElse(false);
    }

    private static Object call(ExtensionContext context, String method) {
        ClassLoader loader = context.getTestClass().map(Class::getClassLoader)
                .orElse(ContractExtension.class.getClassLoader());
        try {
            Class<?> filter = Class.forName(ContractFilter.class.getName(), true, loader);
            return filter.getMethod(method).invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the contract filter is not on the test class path of "
                    + context.getTestClass().map(Class::getName).orElse("?"), e);
        }
    }
}
