package io.bankcrm.customer.api;

/**
 * Examples of the OpenAPI document, in the bank's terms: the resident ID number and the unified social credit
 * code pass the check digits of the identifiers module (ApiExamplesTest registers them to prove it).
 */
final class ApiExamples {

    static final String INDIVIDUAL_PROFILE = """
            {"kind": "INDIVIDUAL", "fullName": "张伟", "idType": "RESIDENT_ID", "idNumber": "110105199003071239",
             "dateOfBirth": "1990-03-07", "mobile": "13812345678", "email": "zhang.wei@example.cn",
             "address": "北京市朝阳区建国路88号", "occupation": "会计", "homeBranch": "BJ-CHAOYANG",
             "relationshipManager": "rm.li", "sourceChannel": "BRANCH"}""";

    static final String CORPORATE_PROFILE = """
            {"kind": "CORPORATE", "registeredName": "北京华信科技有限公司", "creditCode": "91110000MA01ABCDEX",
             "legalRepresentative": "王芳", "industry": "软件和信息技术服务业", "registeredCapital": 5000000.00,
             "registeredCapitalCurrency": "CNY", "homeBranch": "BJ-CHAOYANG", "relationshipManager": "rm.li"}""";

    static final String INDIVIDUAL_VIEW = """
            {"id": "3f6d2a5e-8c1b-4e7a-9d2f-0b1c2d3e4f50", "kind": "INDIVIDUAL", "status": "PROSPECT",
             "displayName": "张伟", "fullName": "张伟", "idType": "RESIDENT_ID", "idNumber": "110***********1239",
             "dateOfBirth": "1990-03-07", "mobile": "138****5678", "email": "z***@example.cn",
             "address": "北京市朝阳区建国路88号", "occupation": "会计", "homeBranch": "BJ-CHAOYANG",
             "relationshipManager": "rm.li", "sourceChannel": "BRANCH",
             "completeness": {"score": 90, "issues": [{"field": "employer", "problem": "MISSING", "reason": "employer is not recorded"}]},
             "piiMasked": true, "version": 0, "createdAt": "2026-11-30T02:15:00.123456Z", "createdBy": "rm.li",
             "updatedAt": "2026-11-30T02:15:00.123456Z", "updatedBy": "rm.li"}""";

    static final String MATCH_REQUEST = """
            {"idType": "RESIDENT_ID", "idNumber": "110105199003071239"}""";

    static final String PATCH = """
            {"address": "上海市浦东新区世纪大道100号", "email": null}""";

    static final String RELATIONSHIP_REQUEST = """
            {"relatedCustomerId": "7a1e0c44-2b9d-4f3e-8a6b-5c4d3e2f1a09", "type": "EMPLOYEE_OF", "office": "财务部",
             "validFrom": "2024-07-01"}""";

    static final String INTERACTION_REQUEST = """
            {"channel": "BRANCH", "purpose": "SALES", "outcome": "INTERESTED", "occurredAt": "2026-11-30T09:30:00Z",
             "note": "客户对代发工资卡感兴趣，下周回访"}""";

    static final String CONSENT_DECISION = """
            {"granted": true, "source": "网点纸质授权书"}""";

    private ApiExamples() {
    }
}
