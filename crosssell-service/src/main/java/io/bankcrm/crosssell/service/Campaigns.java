package io.bankcrm.crosssell.service;

import io.bankcrm.crosssell.domain.campaign.CampaignFunnel;
import io.bankcrm.crosssell.domain.campaign.CampaignTarget;
import io.bankcrm.crosssell.domain.campaign.FunnelGroup;
import io.bankcrm.crosssell.domain.lead.LeadStatus;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.domain.InvalidInput;
import io.bankcrm.platform.domain.StateConflict;
import io.bankcrm.platform.domain.Violation;
import io.bankcrm.platform.jobs.Job;
import io.bankcrm.platform.jobs.JobStatus;
import io.bankcrm.platform.jobs.JobView;
import io.bankcrm.platform.jobs.Jobs;
import io.bankcrm.platform.money.Money;
import io.bankcrm.platform.problem.ProblemException;
import io.bankcrm.platform.time.BankClock;
import io.bankcrm.platform.web.Page;
import io.bankcrm.platform.web.PageRequest;
import io.bankcrm.platform.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Campaigns: a DRAFT with its target, period and budget; the launch (a job of kind {@value CampaignLaunchJob#KIND}
 * that generates the leads, set-based, by {@link CampaignLaunch}); the actual cost; the funnel.
 */
@ApplicationScoped
@Transactional
public class Campaigns {

    private final EntityManager em;
    private final Catalogue catalogue;
    private final Rules rules;
    private final Jobs jobs;
    private final BankClock clock;

    public Campaigns(EntityManager em, Catalogue catalogue, Rules rules, Jobs jobs, BankClock clock) {
        this.em = em;
        this.catalogue = catalogue;
        this.rules = rules;
        this.jobs = jobs;
        this.clock = clock;
    }

    public StoredCampaign create(CampaignRequest request, String user) {
        CampaignTarget target = request.target().toTarget();
        List<Violation> faults = new ArrayList<>(target.violations(rules.tiers()));
        Optional<Product> product = catalogue.find(request.product()).map(StoredProduct::product);
        if (product.isEmpty()) {
            faults.add(new Violation("product", "is not in the catalogue"));
        } else if (!product.get().eligibility().kinds().contains(target.kind())) {
            faults.add(new Violation("target.kind", request.product() + " is for "
                    + product.get().eligibility().kinds() + " customers, not " + target.kind()));
        }
        if (request.endsOn().isBefore(request.startsOn())) {
            faults.add(new Violation("endsOn", "must be on or after startsOn"));
        }
        InvalidInput.throwIfAny(faults);
        Money budget = request.budget().toMoney("budget");
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        em.createNativeQuery("""
                        insert into campaign (id, name, product_code, customer_kind, tiers, salary_bands, employer_id,
                            consent_channels, exclude_holders, starts_on, ends_on, budget_amount, cost_amount, currency,
                            status, version, created_at, created_by, updated_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as text[]), cast(?6 as text[]), ?7, cast(?8 as text[]), ?9, ?10,
                            ?11, ?12, 0, ?13, 'DRAFT', 1, ?14, ?15, ?14)""")
                .setParameter(1, id).setParameter(2, request.name()).setParameter(3, request.product())
                .setParameter(4, target.kind().name()).setParameter(5, array(target.tiers()))
                .setParameter(6, array(names(target.salaryBands()))).setParameter(7, target.employerId())
                .setParameter(8, array(names(target.consentChannels()))).setParameter(9, target.excludeHolders())
                .setParameter(10, request.startsOn()).setParameter(11, request.endsOn())
                .setParameter(12, budget.amount()).setParameter(13, budget.currency().getCurrencyCode())
                .setParameter(14, now).setParameter(15, user).executeUpdate();
        return get(id);
    }

    /**
     * Submits the launch (If-Match on the campaign): a DRAFT, or a campaign whose last launch failed or was
     * cancelled (a launch again skips the leads made already). 409 once launched, or after the period's end.
     */
    public StoredCampaign launch(UUID id, String ifMatch, String user) {
        StoredCampaign campaign = locked(id);
        Versions.requireMatch(ifMatch, campaign.version());
        if (StoredCampaign.LAUNCHED.equals(campaign.status())) {
            JobStatus last = jobs.get(CampaignLaunchJob.KIND, campaign.launchJobId()).status();
            if (last != JobStatus.FAILED && last != JobStatus.CANCELLED) {
                throw new StateConflict("campaign-launched", "the campaign was launched already (its launch is "
                        + last + ")");
            }
        }
        if (clock.today().isAfter(campaign.endsOn())) {
            throw new StateConflict("campaign-ended", "the campaign's period ended on " + campaign.endsOn());
        }
        UUID job = jobs.submit(CampaignLaunchJob.KIND, new CampaignLaunchParameters(id), (long) CampaignLaunch.SLICES,
                user);
        em.createNativeQuery("""
                        update campaign set status = 'LAUNCHED', launch_job_id = ?2, version = version + 1, updated_at = ?3
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, job).setParameter(3, clock.now()).executeUpdate();
        return get(id);
    }

    /** Replaces the campaign's actual cost so far (If-Match); in the campaign's currency. */
    public StoredCampaign cost(UUID id, Fee actualCost, String ifMatch) {
        StoredCampaign campaign = locked(id);
        Versions.requireMatch(ifMatch, campaign.version());
        Money cost = actualCost.toMoney("actualCost");
        if (!cost.currency().equals(campaign.budget().currency())) {
            throw new InvalidInput("actualCost.currency", "must be the budget's currency, "
                    + campaign.budget().currency().getCurrencyCode());
        }
        if (cost.isNegative()) {
            throw new InvalidInput("actualCost.amount", "must not be negative");
        }
        em.createNativeQuery("update campaign set cost_amount = ?2, version = version + 1, updated_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, cost.amount()).setParameter(3, clock.now()).executeUpdate();
        return get(id);
    }

    /**
     * The funnel of the campaign's leads, from one aggregate by status and furthest stage. The converted value counts
     * conversions in the campaign's currency (a conversion in another currency counts as a conversion, not in value).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignFunnel funnel(UUID id) {
        StoredCampaign campaign = get(id);
        Currency currency = campaign.budget().currency();
        List<FunnelGroup> groups = SqlRow.list(em.createNativeQuery("""
                        select status, furthest, count(*) as leads,
                            coalesce(sum(value_amount) filter (where value_currency = ?2), 0) as value
                        from lead where campaign_id = ?1 group by status, furthest""", Tuple.class)
                        .setParameter(1, id).setParameter(2, currency.getCurrencyCode())).stream()
                .map(r -> {
                    LeadStatus status = r.enumValue("status", LeadStatus.class);
                    Money value = status == LeadStatus.CONVERTED ? new Money(r.decimal("value")
                            .setScale(Math.max(0, currency.getDefaultFractionDigits())), currency) : null;
                    return new FunnelGroup(status, r.enumValue("furthest", LeadStatus.class), r.longValue("leads"),
                            value);
                }).toList();
        return CampaignFunnel.ofGroups(groups, campaign.budget(), campaign.actualCost());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredCampaign get(UUID id) {
        return SqlRow.first(em.createNativeQuery(SELECT + " where id = ?1", Tuple.class).setParameter(1, id))
                .map(Campaigns::stored).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    /** The launch job's view; null for a draft. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView<CampaignLaunchSummary> launchOf(StoredCampaign campaign) {
        if (campaign.launchJobId() == null) {
            return null;
        }
        Job job = jobs.get(CampaignLaunchJob.KIND, campaign.launchJobId());
        return job.view(CampaignLaunchSummary.class);
    }

    /** Campaigns, newest first, optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StoredCampaign> list(String status, PageRequest page) {
        Instant beforeTime = page.first() ? Instant.parse("9999-12-31T00:00:00Z") : page.afterInstant(0);
        UUID beforeId = page.first() ? new UUID(-1L, -1L) : page.afterUuid(1);
        List<StoredCampaign> rows = SqlRow.list(em.createNativeQuery(SELECT + """
                         where (?1 = '' or status = ?1) and (created_at, id) < (?2, ?3)
                        order by created_at desc, id desc limit ?4""", Tuple.class)
                .setParameter(1, status == null ? "" : status).setParameter(2, beforeTime).setParameter(3, beforeId)
                .setParameter(4, page.limit() + 1)).stream().map(Campaigns::stored).toList();
        return Page.fromOverfetch(rows, page.limit(), c -> c,
                c -> PageRequest.cursorAfter(c.createdAt().toString(), c.id().toString()));
    }

    private StoredCampaign locked(UUID id) {
        return SqlRow.first(em.createNativeQuery(SELECT + " where id = ?1 for update", Tuple.class).setParameter(1, id))
                .map(Campaigns::stored).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    private static final String SELECT = """
            select id, name, product_code, customer_kind, array_to_string(tiers, ',') as tiers,
                array_to_string(salary_bands, ',') as salary_bands, employer_id,
                array_to_string(consent_channels, ',') as consent_channels, exclude_holders, starts_on, ends_on,
                budget_amount, cost_amount, currency, status, launch_job_id, version, created_at, created_by, updated_at
            from campaign""";

    private static StoredCampaign stored(SqlRow r) {
        Currency currency = Currency.getInstance(r.text("currency").trim());
        int scale = Math.max(0, currency.getDefaultFractionDigits());
        CampaignTarget target = new CampaignTarget(r.enumValue("customer_kind", CustomerKind.class),
                split(r.text("tiers")), split(r.text("salary_bands")).stream().map(SalaryBand::valueOf)
                .collect(Collectors.toSet()), r.isNull("employer_id") ? null : r.uuid("employer_id"),
                split(r.text("consent_channels")).stream().map(ConsentChannel::valueOf).collect(Collectors.toSet()),
                r.bool("exclude_holders"));
        return new StoredCampaign(r.uuid("id"), r.text("name"), new ProductCode(r.text("product_code")), target,
                r.localDate("starts_on"), r.localDate("ends_on"),
                new Money(r.decimal("budget_amount").setScale(scale), currency),
                new Money(r.decimal("cost_amount").setScale(scale), currency), r.text("status"),
                r.isNull("launch_job_id") ? null : r.uuid("launch_job_id"), r.longValue("version"),
                r.instant("created_at"), r.text("created_by"), r.instant("updated_at"));
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String array(Set<String> values) {
        return values.stream().collect(Collectors.joining(",", "{", "}"));
    }

}
