package io.bankcrm.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Money stays exact in JSON read without a type (a merge patch, any {@code JsonNode}): decimals are read as
 * {@link java.math.BigDecimal}, not {@code double} (which turns 12345678901234567.89 into ...68), and keep their
 * scale (100.00 stays 100.00, not 1E+2). Typed {@code BigDecimal} fields were exact already.
 */
@Singleton
public class ExactJsonNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }
}
