package io.bankcrm.merchant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.bankcrm.platform.testing.ServiceLayers;
import org.junit.jupiter.api.Test;

/**
 * The layering rules every service keeps (platform-testing's ServiceLayers; container-free). Only the domain is
 * written so far, so the rules about the other layers find nothing to check yet; with phase B's api, service and
 * messaging this becomes {@code ServiceLayers.check("io.bankcrm.merchant")}.
 */
class LayersTest {

    @Test
    void layers() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bankcrm.merchant");
        ServiceLayers.rules("io.bankcrm.merchant").forEach(rule -> rule.allowEmptyShould(true).check(classes));
    }
}
