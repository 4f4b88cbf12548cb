package io.bankcrm.customer.service;

import io.bankcrm.customer.domain.IdType;
import io.bankcrm.customer.domain.rules.MobileNumber;
import io.bankcrm.customer.domain.rules.NameKeys;
import io.bankcrm.identifiers.ValidationResult;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Search: filters that combine, name by prefix, identifiers by blind index; the incomplete-profile worklist. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerSearch {

    private final PiiProtector pii;

    public CustomerSearch(PiiProtector pii) {
        this.pii = pii;
    }

    public Page<Customer> search(SearchCriteria criteria) {
        PageRequest page = PageRequest.of(criteria.limit(), criteria.cursor());
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        boolean byName = present(criteria.namePrefix());
        if (byName) {
            // a range, not LIKE: the index serves it even in a generic plan, where the pattern is unknown
            String prefix = NameKeys.of(criteria.namePrefix());
            String to = NameKeys.upperBound(prefix).orElseThrow(() ->
                    ProblemException.invalidField("namePrefix", "ends with a character that is not a letter"));
            where.add("nameKey >= :from and nameKey < :to");
            params.and("from", prefix).and("to", to);
        }
        if (present(criteria.phone())) {
            ValidationResult check = MobileNumber.validate(criteria.phone());
            if (!check.valid()) {
                throw ProblemException.invalidField("phone", check.reason());
            }
            where.add("mobileHash = :mobile");
            params.and("mobile", pii.blindIndex(MobileNumber.normalise(criteria.phone())));
        }
        if (present(criteria.idNumber())) {
            where.add("idType = :idType and idNumberHash = :idNumber");
            params.and("idType", criteria.idType() == null ? IdType.RESIDENT_ID : criteria.idType())
                    .and("idNumber", pii.blindIndex(criteria.idNumber().trim().toUpperCase(Locale.ROOT)));
        }
        addEquals(where, params, "kind", criteria.kind());
        addEquals(where, params, "status", criteria.status());
        addEquals(where, params, "valueTier", criteria.tier());
        addEquals(where, params, "homeBranch", criteria.branch());
        addEquals(where, params, "relationshipManager", criteria.manager());
        if (!page.first()) {
            if (byName) {
                where.add("(nameKey > :afterName or (nameKey = :afterName and id > :afterId))");
                params.and("afterName", page.afterValue(0)).and("afterId", page.afterUuid(1));
            } else {
                where.add("id > :afterId");
                params.and("afterId", page.afterUuid(0));
            }
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where))
                + (byName ? " order by nameKey, id" : " order by id");
        List<Customer> rows = Customer.<Customer>find(query.trim(), params).range(0, page.limit()).list();
        return Page.fromOverfetch(rows, page.limit(), c -> c,
                c -> byName ? PageRequest.cursorAfter(c.nameKey, c.id.toString())
                        : PageRequest.cursorAfter(c.id.toString()));
    }

    /** Customers of a branch or manager whose profile scores below {@code below}, least complete first. */
    public Page<Customer> incomplete(String branch, String manager, int below, Integer limit, String cursor) {
        if (present(branch) == present(manager)) {
            throw ProblemException.badRequest("give exactly one of branch or manager");
        }
        if (below < 1 || below > 101) {
            throw ProblemException.invalidField("below", "must be between 1 and 101");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        String owner = present(branch) ? "homeBranch" : "relationshipManager";
        Parameters params = Parameters.with("owner", present(branch) ? branch : manager).and("below", below);
        String query = owner + " = :owner and completenessScore < :below";
        if (!page.first()) {
            query += " and (completenessScore > :afterScore or (completenessScore = :afterScore and id > :afterId))";
            params.and("afterScore", page.afterInt(0)).and("afterId", page.afterUuid(1));
        }
        List<Customer> rows = Customer.<Customer>find(query + " order by completenessScore, id", params)
                .range(0, page.limit()).list();
        return Page.fromOverfetch(rows, page.limit(), c -> c,
                c -> PageRequest.cursorAfter(Integer.toString(c.completenessScore), c.id.toString()));
    }

    private static void addEquals(List<String> where, Parameters params, String field, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(field + " = :" + field);
            params.and(field, value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
