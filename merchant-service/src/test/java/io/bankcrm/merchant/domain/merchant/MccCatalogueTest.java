package io.bankcrm.merchant.domain.merchant;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, no container: the shipped ISO 18245 subset, its groups, and what it refuses. */
class MccCatalogueTest {

    final MccCatalogue catalogue = MccCatalogue.standard();

    @Test
    void knowsCodesAndTheirGroups() {
        assertEquals(MccGroup.DINING_ENTERTAINMENT, catalogue.find("5812").orElseThrow().group());
        assertEquals(MccGroup.ESSENTIALS, catalogue.find("5411").orElseThrow().group());
        assertEquals(MccGroup.PUBLIC_WELFARE, catalogue.find("8062").orElseThrow().group());
        assertEquals(MccGroup.WHOLESALE_PROPERTY_AUTO, catalogue.find("5511").orElseThrow().group());
        assertEquals("Eating Places and Restaurants", catalogue.find(" 5812 ").orElseThrow().description());
        for (MccGroup group : MccGroup.values()) {
            assertTrue(catalogue.all().stream().anyMatch(m -> m.group() == group), group + " has codes");
        }
    }

    @Test
    void refusesUnknownMalformedAndIneligibleCodes() {
        assertEquals(Optional.empty(), catalogue.problem("5812"));
        assertTrue(catalogue.problem("1234").orElseThrow().contains("not in the bank's list"));
        assertTrue(catalogue.problem("58a2").orElseThrow().contains("four digits"));
        assertTrue(catalogue.problem(null).orElseThrow().contains("missing"));
        assertTrue(catalogue.problem("7995").orElseThrow().contains("does not sign"));
    }

    @Test
    void aCodeIsListedOnce() {
        Mcc restaurants = new Mcc("5812", "Restaurants", MccGroup.DINING_ENTERTAINMENT, true);
        assertThrows(IllegalArgumentException.class, () -> MccCatalogue.of(List.of(restaurants, restaurants)));
        assertThrows(IllegalArgumentException.class, () -> new Mcc("581", "short", MccGroup.GENERAL, true));
    }
}
