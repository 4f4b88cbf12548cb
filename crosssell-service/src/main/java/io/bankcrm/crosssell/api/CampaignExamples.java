package io.bankcrm.crosssell.api;

/** Examples of the campaign operations' documents (ApiDocumentTest sends REQUEST and sees it accepted). */
final class CampaignExamples {

    static final String REQUEST = """
            {"name": "Personal loans, spring 2027", "product": "PERSONAL_LOAN",
             "target": {"kind": "INDIVIDUAL", "tiers": ["GOLD", "SILVER"], "salaryBands": ["BAND_10K_20K", "BAND_20K_50K"],
                        "consentChannels": ["SMS", "APP"], "excludeHolders": true},
             "startsOn": "2027-03-01", "endsOn": "2027-05-31", "budget": {"amount": "200000.00", "currency": "CNY"}}""";

    static final String DRAFT = """
            {"id": "5f0c8f52-7d0e-4c61-9c43-2b8f0e6a1d11", "name": "Personal loans, spring 2027", "product": "PERSONAL_LOAN",
             "target": {"kind": "INDIVIDUAL", "tiers": ["GOLD", "SILVER"], "salaryBands": ["BAND_10K_20K", "BAND_20K_50K"],
                        "employerId": null, "consentChannels": ["SMS", "APP"], "excludeHolders": true},
             "startsOn": "2027-03-01", "endsOn": "2027-05-31", "budget": {"amount": 200000.00, "currency": "CNY"},
             "actualCost": {"amount": 0.00, "currency": "CNY"}, "status": "DRAFT", "launch": null, "version": 1,
             "createdAt": "2027-02-20T02:00:00Z", "createdBy": "tl-zhao", "updatedAt": "2027-02-20T02:00:00Z"}""";

    static final String LAUNCHED = """
            {"id": "5f0c8f52-7d0e-4c61-9c43-2b8f0e6a1d11", "name": "Personal loans, spring 2027", "product": "PERSONAL_LOAN",
             "target": {"kind": "INDIVIDUAL", "tiers": ["GOLD", "SILVER"], "salaryBands": ["BAND_10K_20K", "BAND_20K_50K"],
                        "employerId": null, "consentChannels": ["SMS", "APP"], "excludeHolders": true},
             "startsOn": "2027-03-01", "endsOn": "2027-05-31", "budget": {"amount": 200000.00, "currency": "CNY"},
             "actualCost": {"amount": 0.00, "currency": "CNY"}, "status": "LAUNCHED",
             "launch": {"id": "0b6f3c9e-3a55-4a3e-8f7d-0a1c2e3f4b5d", "kind": "campaign-launch", "status": "COMPLETED",
                        "progress": {"phase": "GENERATING_LEADS", "done": 16, "total": 16, "percent": 100},
                        "submittedBy": "tl-zhao", "submittedAt": "2027-03-01T01:00:00Z",
                        "result": {"targeted": 5120, "alreadyOpen": 310, "notEligible": 402, "created": 4408,
                                   "assigned": 4390, "withoutTeam": 18}},
             "version": 2, "createdAt": "2027-02-20T02:00:00Z", "createdBy": "tl-zhao", "updatedAt": "2027-03-01T01:00:00Z"}""";

    static final String COST = """
            {"actualCost": {"amount": "48200.00", "currency": "CNY"}}""";

    static final String FUNNEL = """
            {"campaignId": "5f0c8f52-7d0e-4c61-9c43-2b8f0e6a1d11", "leads": 4408, "contacted": 2950, "qualified": 820,
             "converted": 241, "lost": 610, "expired": 12, "open": 3545,
             "convertedValue": {"amount": 7230000.00, "currency": "CNY"}, "actualCost": {"amount": 48200.00, "currency": "CNY"},
             "costPerConversion": {"amount": 200.00, "currency": "CNY"}, "budgetLeft": {"amount": 151800.00, "currency": "CNY"},
             "contactRate": 0.6692, "qualificationRate": 0.2780, "conversionRate": 0.0547}""";

    private CampaignExamples() {
    }
}
