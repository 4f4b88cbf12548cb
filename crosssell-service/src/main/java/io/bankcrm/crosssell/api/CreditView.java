package io.bankcrm.crosssell.api;

import io.bankcrm.crosssell.domain.credit.ConversionCredit;
import io.bankcrm.crosssell.domain.credit.CreditRole;
import io.bankcrm.crosssell.service.Fee;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A conversion's credit: the rule version frozen on it (null: none applied), the lines and why. */
@Schema(name = "ConversionCredit")
public record CreditView(UUID conversionId, String product, LocalDate convertedOn, Fee value, Integer ruleVersion,
                         BigDecimal corporatePercent, Integer windowDays, boolean inWindow, String why,
                         List<Line> lines) {

    @Schema(name = "CreditLine")
    public record Line(CreditRole role, String teamId, String staffId, BigDecimal share, Fee value) {
    }

    static CreditView of(ConversionCredit c) {
        return new CreditView(c.conversionId(), c.product().value(), c.convertedOn(), Fee.of(c.value()),
                c.rule() == null ? null : c.rule().version(), c.rule() == null ? null : c.rule().corporatePercent(),
                c.rule() == null ? null : c.rule().windowDays(), c.inWindow(), c.why(),
                c.lines().stream().map(l -> new Line(l.role(), l.credited().teamId(), l.credited().staffId(), l.share(),
                        Fee.of(l.value()))).toList());
    }
}
