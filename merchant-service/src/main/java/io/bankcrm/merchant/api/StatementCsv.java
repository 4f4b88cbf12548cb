package io.bankcrm.merchant.api;

import io.bankcrm.merchant.service.SettlementStatementView;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A statement as CSV (RFC 4180): a header row, one row per line, a TOTAL row with the statement's figures. */
final class StatementCsv {

    static final String HEADER = "kind,seq,reference,at,gross,discountMerchant,discountBank,discountNetwork,"
            + "cardholderRefund,feeIssuer,feeAcquirer,feeNetwork,instalmentPrincipal,merchantInstalmentFee,"
            + "referralCommission,referralClawback,net";

    private StatementCsv() {
    }

    static String write(SettlementStatementView s) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SettlementStatementView.Line l : s.lines()) {
            csv.append(row(Stream.of(l.kind().name(), Integer.toString(l.seq()), l.reference().toString(),
                    l.at().toString()), List.of(l.gross(), l.discounts().merchant(), l.discounts().bank(),
                    l.discounts().network(), l.cardholderRefund(), l.fees().issuer(), l.fees().acquirer(),
                    l.fees().network(), l.instalmentPrincipal(), l.merchantInstalmentFee(), l.referralCommission(),
                    l.referralClawback(), l.net())));
        }
        // the day's gross less its refunds, as the lines' gross column adds up
        csv.append(row(Stream.of("TOTAL", "", "", ""), List.of(s.grossSales().subtract(s.grossRefunded()),
                s.discounts().merchant(), s.discounts().bank(), s.discounts().network(), s.cardholderRefunds(),
                s.fees().issuer(), s.fees().acquirer(), s.fees().network(), s.instalmentPrincipal(),
                s.merchantInstalmentFees(), s.referralCommissions(), s.referralClawbacks(), s.netPayable())));
        return csv.toString();
    }

    private static String row(Stream<String> text, List<BigDecimal> figures) {
        return Stream.concat(text, figures.stream().map(BigDecimal::toPlainString))
                .collect(Collectors.joining(",")) + "\r\n";
    }
}
