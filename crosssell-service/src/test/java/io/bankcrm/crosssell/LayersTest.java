package io.bankcrm.crosssell;

import io.bankcrm.platform.testing.ServiceLayers;
import org.junit.jupiter.api.Test;

/** The layering rules every service keeps (platform-testing's ServiceLayers; container-free). */
class LayersTest {

    @Test
    void layers() {
        ServiceLayers.check("io.bankcrm.crosssell");
    }
}
