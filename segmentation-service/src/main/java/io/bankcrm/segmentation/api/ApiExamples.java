package io.bankcrm.segmentation.api;

/** Examples of the OpenAPI document, in the bank's terms (ApiDocumentTest sends them to prove they are accepted). */
final class ApiExamples {

    static final String PARETO_POLICY = """
            {"name": "零售客户二八分层", "segment": "RETAIL", "method": "PARETO", "windowMonths": 12,
             "bands": [{"tier": "PLATINUM", "profitShareUpTo": 50}, {"tier": "GOLD", "profitShareUpTo": 80},
                       {"tier": "SILVER", "profitShareUpTo": 95}, {"tier": "MASS"}],
             "growthMonths": 3, "downgradeAfterRuns": 2, "minMonthsInTier": 3}""";

    static final String RUN_REQUEST = """
            {"policyId": "5b0c7e2a-1d3f-4a6b-9c8d-7e6f5a4b3c21", "asOfMonth": "2026-10", "dryRun": true}""";

    static final String VALUE_FIGURES = """
            {"avgDepositBalance": 286500.00, "loanBalance": 0.00, "assetsUnderManagement": 520000.00,
             "netInterestIncome": 812.35, "feeIncome": 120.00, "costToServe": 95.50, "transactionCount": 42,
             "transactionAmount": 38650.20, "productsHeld": 4, "creditRating": "AA", "currency": "CNY"}""";

    private ApiExamples() {
    }
}
