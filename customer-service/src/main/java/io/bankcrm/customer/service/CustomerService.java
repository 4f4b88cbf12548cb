package io.bankcrm.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bankcrm.customer.api.CustomerProfile;
import io.bankcrm.customer.api.MatchRequest;
import io.bankcrm.customer.api.SearchCriteria;
import io.bankcrm.customer.api.StatusChange;
import io.bankcrm.customer.domain.Customer;
import io.bankcrm.customer.domain.CustomerKind;
import io.bankcrm.customer.domain.CustomerStatus;
import io.bankcrm.customer.domain.IdType;
import io.bankcrm.customer.domain.rules.Completeness;
import io.bankcrm.customer.domain.rules.MobileNumber;
import io.bankcrm.customer.domain.rules.ProfileCompleteness;
import io.bankcrm.customer.domain.rules.ResidentIdNumber;
import io.bankcrm.customer.domain.rules.UnifiedSocialCreditCode;
import io.bankcrm.customer.domain.rules.ValidationResult;
import io.bankcrm.events.customer.CustomerEvents;
import io.bankcrm.events.customer.CustomerRegistered;
import io.bankcrm.events.customer.CustomerStatusChanged;
import io.bankcrm.events.customer.CustomerUpdated;
import io.bankcrm.platform.outbox.Outbox;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.pii.Masking;
import io.bankcrm.platform.pii.PiiProtector;
import io.bankcrm.platform.problem.FieldViolation;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.problem.ProblemMappers;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Registration, profile changes, lifecycle, matching and search of customers. */
@ApplicationScoped
@Transactional
public class CustomerService {

    private static final int MATCH_LIMIT = 20;

    private final PiiProtector pii;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final BankClock clock;

    public CustomerService(PiiProtector pii, Outbox outbox, ObjectMapper mapper, Validator validator, BankClock clock) {
        this.pii = pii;
        this.outbox = outbox;
        this.mapper = mapper;
        this.validator = validator;
        this.clock = clock;
    }

    public Customer register(CustomerProfile request, String actor) {
        CustomerProfile profile = ProfileRules.validated(request, today());
        CustomerStatus status = initialStatus(request.status());
        duplicateOf(profile, null).ifPresent(existing -> {
            throw duplicate(existing);
        });
        return insert(profile, status, actor);
    }

    /**
     * Registers the customer unless one with the same identity exists, in which case that one is returned
     * unchanged: a bulk file applied twice creates nobody twice.
     */
    public Customer registerOrMatch(CustomerProfile request, String actor) {
        CustomerProfile profile = ProfileRules.validated(request, today());
        CustomerStatus status = initialStatus(request.status());
        return duplicateOf(profile, null).orElseGet(() -> insert(profile, status, actor));
    }

    private Customer insert(CustomerProfile profile, CustomerStatus status, String actor) {
        Instant now = clock.now();
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.kind = profile.kind();
        c.status = status;
        c.createdAt = now;
        c.updatedAt = now;
        c.createdBy = actor;
        c.updatedBy = actor;
        write(c, profile);
        try {
            c.persistAndFlush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("a customer with the same identity was registered at the same moment",
                    Map.of());
        }
        outbox.publish(CustomerEvents.REGISTERED, c.id, new CustomerRegistered(c.id, c.kind.name(),
                c.status.name(), c.displayName, c.homeBranch, c.relationshipManager, c.sourceChannel, now));
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id) {
        Customer c = Customer.findById(id);
        if (c == null) {
            throw ProblemException.notFound("customer", id);
        }
        return c;
    }

    /** Applies an RFC 7396 merge patch to the profile; explicit nulls clear fields. */
    public Customer update(UUID id, JsonNode patch, String ifMatch, String actor) {
        Customer c = get(id);
        Versions.requireMatch(ifMatch, c.version);
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("a merge patch must be a JSON object");
        }
        if (patch.has("kind") && !c.kind.name().equals(patch.get("kind").asText())) {
            throw ProblemException.invalidField("kind", "cannot be changed; register a new customer instead");
        }
        if (patch.has("status")) {
            throw ProblemException.invalidField("status", "is changed through POST /v1/customers/{id}/status");
        }
        CustomerProfile current = profileOf(c);
        ObjectNode document = mapper.valueToTree(current);
        mergePatch(document, patch);
        CustomerProfile requested;
        try {
            requested = mapper.treeToValue(document, CustomerProfile.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException("validation", "Request is invalid", 400, "the patch is invalid",
                    ProblemMappers.jsonProblem(e).getErrors(), null);
        }
        List<FieldViolation> invalid = new ArrayList<>();
        for (ConstraintViolation<CustomerProfile> v : validator.validate(requested)) {
            invalid.add(new FieldViolation(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!invalid.isEmpty()) {
            invalid.sort(Comparator.comparing(FieldViolation::field));
            throw ProblemException.validation(invalid);
        }
        CustomerProfile next = ProfileRules.validated(requested, today());
        List<String> changed = changedFields(current, next);
        if (changed.isEmpty()) {
            return c;
        }
        duplicateOf(next, c.id).ifPresent(existing -> {
            throw duplicate(existing);
        });
        write(c, next);
        c.updatedAt = clock.now();
        c.updatedBy = actor;
        try {
            Customer.getEntityManager().flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("another customer has the same identity", Map.of());
        }
        outbox.publish(CustomerEvents.UPDATED, c.id, new CustomerUpdated(c.id, c.kind.name(), changed,
                c.displayName, c.homeBranch, c.relationshipManager, c.version, c.updatedAt));
        return c;
    }

    public Customer changeStatus(UUID id, StatusChange change, String ifMatch, String actor) {
        Customer c = get(id);
        Versions.requireMatch(ifMatch, c.version);
        CustomerStatus from;
        try {
            from = c.moveTo(change.status());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage(), Map.of("allowed", c.status.allowedTransitions()));
        }
        Instant now = clock.now();
        c.updatedAt = now;
        c.updatedBy = actor;
        Customer.getEntityManager().flush();
        Customer.getEntityManager().createNativeQuery("""
                        insert into status_history (customer_id, from_status, to_status, reason, changed_at, changed_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, c.id).setParameter(2, from.name()).setParameter(3, c.status.name())
                .setParameter(4, change.reason()).setParameter(5, now).setParameter(6, actor)
                .executeUpdate();
        outbox.publish(CustomerEvents.STATUS_CHANGED, c.id, new CustomerStatusChanged(c.id, c.kind.name(),
                from.name(), c.status.name(), change.reason(), now));
        return c;
    }

    /** Candidates for "is this person already our customer?", strongest evidence first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Map.Entry<Customer, List<String>>> match(MatchRequest request) {
        Map<UUID, Map.Entry<Customer, List<String>>> found = new LinkedHashMap<>();
        boolean asked = false;
        List<FieldViolation> errors = new ArrayList<>();
        if (present(request.idNumber())) {
            asked = true;
            IdType type = request.idType() == null ? IdType.RESIDENT_ID : request.idType();
            String number = request.idNumber().trim().toUpperCase(Locale.ROOT);
            ValidationResult check = type == IdType.RESIDENT_ID ? ResidentIdNumber.validate(number, today())
                    : ValidationResult.ok();
            if (!check.valid()) {
                errors.add(new FieldViolation("idNumber", check.reason()));
            } else {
                collect(found, "idNumber", Customer.find("idType = ?1 and idNumberHash = ?2", type,
                        pii.blindIndex(number)).list());
            }
        }
        if (present(request.creditCode())) {
            asked = true;
            collect(found, "creditCode", Customer.find("creditCode",
                    UnifiedSocialCreditCode.normalise(request.creditCode())).list());
        }
        if (present(request.mobile())) {
            asked = true;
            ValidationResult check = MobileNumber.validate(request.mobile());
            if (!check.valid()) {
                errors.add(new FieldViolation("mobile", check.reason()));
            } else {
                collect(found, "mobile", Customer.find("mobileHash",
                        pii.blindIndex(MobileNumber.normalise(request.mobile()))).range(0, MATCH_LIMIT - 1).list());
            }
        }
        if (present(request.name()) || request.dateOfBirth() != null) {
            asked = true;
            if (!present(request.name()) || request.dateOfBirth() == null) {
                errors.add(new FieldViolation(present(request.name()) ? "dateOfBirth" : "name",
                        "name and dateOfBirth are matched together"));
            } else {
                collect(found, "nameAndDateOfBirth", Customer.find("nameKey = ?1 and dateOfBirth = ?2",
                        nameKey(request.name()), request.dateOfBirth()).range(0, MATCH_LIMIT - 1).list());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (!asked) {
            throw ProblemException.badRequest("give idNumber, creditCode, mobile, or name with dateOfBirth");
        }
        return found.values().stream()
                .sorted(Comparator.comparing((Map.Entry<Customer, List<String>> e) -> -e.getValue().size()))
                .limit(MATCH_LIMIT)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Customer> search(SearchCriteria criteria) {
        PageRequest page = PageRequest.of(criteria.limit(), criteria.cursor());
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        boolean byName = present(criteria.namePrefix());
        if (byName) {
            // a range, not LIKE: the index serves it even in a generic plan, where the pattern is unknown
            String prefix = nameKey(criteria.namePrefix());
            where.add("nameKey >= :from and nameKey < :to");
            params.and("from", prefix).and("to", prefixUpperBound(prefix));
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
    @Transactional(Transactional.TxType.SUPPORTS)
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

    /** The profile with identifiers in clear, as a merge patch applies to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerProfile profileOf(Customer c) {
        return new CustomerProfile(c.kind, null,
                c.kind == CustomerKind.INDIVIDUAL ? c.displayName : null, c.idType,
                pii.decrypt(c.idNumberEncrypted), c.dateOfBirth, pii.decrypt(c.mobileEncrypted),
                pii.decrypt(c.emailEncrypted), c.address, c.occupation, c.employer,
                c.kind == CustomerKind.CORPORATE ? c.displayName : null, c.creditCode, c.legalRepresentative,
                c.industry, c.registeredCapital, c.registeredCapitalCurrency, c.homeBranch, c.relationshipManager,
                c.sourceChannel);
    }

    private void write(Customer c, CustomerProfile p) {
        c.displayName = c.kind == CustomerKind.INDIVIDUAL ? p.fullName() : p.registeredName();
        c.nameKey = nameKey(c.displayName);
        c.idType = p.idType();
        c.idNumberEncrypted = pii.encrypt(p.idNumber());
        c.idNumberHash = pii.blindIndex(p.idNumber());
        c.idNumberMasked = Masking.idNumber(p.idNumber());
        c.dateOfBirth = p.dateOfBirth();
        c.mobileEncrypted = pii.encrypt(p.mobile());
        c.mobileHash = pii.blindIndex(p.mobile());
        c.mobileMasked = Masking.phone(p.mobile());
        c.emailEncrypted = pii.encrypt(p.email());
        c.emailHash = pii.blindIndex(p.email() == null ? null : p.email().toLowerCase(Locale.ROOT));
        c.emailMasked = Masking.email(p.email());
        c.address = p.address();
        c.occupation = p.occupation();
        c.employer = p.employer();
        c.creditCode = p.creditCode();
        c.legalRepresentative = p.legalRepresentative();
        c.industry = p.industry();
        c.registeredCapital = p.registeredCapital();
        c.registeredCapitalCurrency = p.registeredCapitalCurrency();
        c.homeBranch = p.homeBranch();
        c.relationshipManager = p.relationshipManager();
        c.sourceChannel = p.sourceChannel();
        Completeness completeness = ProfileCompleteness.assess(ProfileRules.facts(p), today());
        c.completenessScore = completeness.score();
        c.completenessIssues = completeness.issues();
    }

    private Optional<Customer> duplicateOf(CustomerProfile p, UUID self) {
        Optional<Customer> found;
        if (p.kind() == CustomerKind.CORPORATE) {
            found = Customer.find("creditCode", p.creditCode()).firstResultOptional();
        } else if (p.idNumber() != null) {
            found = Customer.find("idType = ?1 and idNumberHash = ?2", p.idType(), pii.blindIndex(p.idNumber()))
                    .firstResultOptional();
        } else if (p.mobile() != null) {
            found = Customer.find("kind = ?1 and idNumberHash is null and nameKey = ?2 and mobileHash = ?3",
                    CustomerKind.INDIVIDUAL, nameKey(p.fullName()), pii.blindIndex(p.mobile())).firstResultOptional();
        } else {
            found = Optional.empty();
        }
        return found.filter(c -> !c.id.equals(self));
    }

    private static ProblemException duplicate(Customer existing) {
        String what = existing.kind == CustomerKind.CORPORATE ? "credit code"
                : existing.idNumberHash != null ? "ID number" : "name and mobile";
        return ProblemException.conflict("customer " + existing.id + " already has this " + what,
                Map.of("existingCustomerId", existing.id));
    }

    private static CustomerStatus initialStatus(CustomerStatus requested) {
        if (requested == null) {
            return CustomerStatus.PROSPECT;
        }
        if (requested != CustomerStatus.PROSPECT && requested != CustomerStatus.ACTIVE) {
            throw ProblemException.invalidField("status", "a new customer starts as PROSPECT or ACTIVE");
        }
        return requested;
    }

    static List<String> changedFields(CustomerProfile before, CustomerProfile after) {
        List<String> changed = new ArrayList<>();
        var components = CustomerProfile.class.getRecordComponents();
        for (var component : components) {
            if (component.getName().equals("status")) {
                continue;
            }
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                boolean same = a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y
                        ? x.compareTo(y) == 0 : Objects.equals(a, b);
                if (!same) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                target.putNull(field.getKey());
            } else if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                mergePatch(nested, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    static String nameKey(String name) {
        return name == null ? null : name.trim().toLowerCase(Locale.ROOT);
    }

    /** The least string above every string starting with {@code prefix}, in code point (collation "C") order. */
    static String prefixUpperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        if (last >= Character.MAX_CODE_POINT) {
            throw ProblemException.invalidField("namePrefix", "ends with a character that is not a letter");
        }
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    private static void addEquals(List<String> where, Parameters params, String field, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(field + " = :" + field);
            params.and(field, value);
        }
    }

    private void collect(Map<UUID, Map.Entry<Customer, List<String>>> found, String on, List<Customer> customers) {
        for (Customer c : customers) {
            found.computeIfAbsent(c.id, id -> Map.entry(c, new ArrayList<>())).getValue().add(on);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private LocalDate today() {
        return clock.today();
    }
}
