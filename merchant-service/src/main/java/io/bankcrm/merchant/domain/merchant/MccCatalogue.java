package io.bankcrm.merchant.domain.merchant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The merchant category codes the bank knows, with their groups: {@code mcc.csv} beside this class. */
public final class MccCatalogue {

    private static final String RESOURCE = "mcc.csv";

    private final Map<String, Mcc> byCode;

    private MccCatalogue(Collection<Mcc> codes) {
        Map<String, Mcc> map = new LinkedHashMap<>();
        for (Mcc mcc : codes) {
            if (map.put(mcc.code(), mcc) != null) {
                throw new IllegalArgumentException("MCC " + mcc.code() + " is listed twice");
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    public static MccCatalogue of(Collection<Mcc> codes) {
        return new MccCatalogue(codes);
    }

    /** The list shipped with the service (a subset of ISO 18245 with the bank's groups). */
    public static MccCatalogue standard() {
        try (InputStream in = MccCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new MccCatalogue(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Mcc> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code.trim()));
    }

    public Collection<Mcc> all() {
        return byCode.values();
    }

    /** Why {@code code} cannot be a partner's category, or empty when it can. */
    public Optional<String> problem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("the merchant category code is missing");
        }
        if (!code.trim().matches("\\d{4}")) {
            return Optional.of("a merchant category code is four digits");
        }
        Optional<Mcc> mcc = find(code);
        if (mcc.isEmpty()) {
            return Optional.of("merchant category code " + code.trim() + " is not in the bank's list");
        }
        if (!mcc.get().partnerEligible()) {
            return Optional.of("the bank does not sign card partners of category " + mcc.get().code() + " ("
                    + mcc.get().description() + ")");
        }
        return Optional.empty();
    }

    private static List<Mcc> parse(BufferedReader reader) throws IOException {
        List<Mcc> codes = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 || line.isBlank() || line.startsWith("#")) {
                continue; // header
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalStateException(RESOURCE + " line " + number + " has " + cells.length
                        + " cells, expected code,group,eligible,description");
            }
            codes.add(new Mcc(cells[0], cells[3], MccGroup.valueOf(cells[1]), Boolean.parseBoolean(cells[2])));
        }
        return codes;
    }
}
