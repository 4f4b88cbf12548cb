package io.bankcrm.crosssell.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bankcrm.crosssell.domain.campaign.CampaignTarget;
import io.bankcrm.crosssell.domain.lead.PriorityScore;
import io.bankcrm.crosssell.domain.product.Product;
import io.bankcrm.crosssell.domain.product.ProductCode;
import io.bankcrm.crosssell.domain.product.Prospect;
import io.bankcrm.crosssell.domain.prospect.ConsentChannel;
import io.bankcrm.crosssell.domain.prospect.CustomerKind;
import io.bankcrm.crosssell.domain.prospect.OfficerRole;
import io.bankcrm.crosssell.domain.prospect.SalaryBand;
import io.bankcrm.events.crosssell.CrosssellEvents;
import io.bankcrm.platform.db.SqlRow;
import io.bankcrm.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The set-based SQL of a campaign's launch, one slice of the customers (a range of customer ids) per call, in the
 * caller's transaction:
 * <ol>
 *   <li>the slice's customers matching the target, with what eligibility and scoring need (tier, salary band and
 *       office from the newest current roster, MARKETING channels, whether they hold the product, whether they
 *       have an open lead for it) into a temporary table, each with a <em>profile</em>: those inputs as one key;</li>
 *   <li>the distinct profiles (a few hundred at most, whatever the number of customers) decided and scored in Java
 *       by the same {@code Eligibility} and {@code PriorityScoring} every other lead goes through — so there is no
 *       SQL twin of those rules to keep equal;</li>
 *   <li>assignment, before the leads exist: each eligible customer's team is the oldest RETAIL team of their home
 *       branch (as for every other lead); within a team the weighted round robin ({@link Teams#assignMany}) is run
 *       once per lead, highest priority first, under the team row's lock, and its state stored once; one update per
 *       team gives the rows their member and the team's first-contact deadline;</li>
 *   <li>one {@code insert … select … on conflict do nothing} of the leads, assigned already (each row written
 *       once), against the open-lead partial unique index ({@code lead_one_open}): a lead an event created
 *       meanwhile wins, and nothing is doubled (the round robin's turn the lost row had is not given back);</li>
 *   <li>the CREATED and ASSIGNED history lines by {@code insert … select}, and one {@code lead-created} event per
 *       lead by {@link Outbox#publishEach}.</li>
 * </ol>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CampaignLaunch {

    /** Slices of a launch: ranges of customer ids by their first hexadecimal digit. */
    public static final int SLICES = 16;

    private static final String OPEN = LeadStore.OPEN;
    private static final Logger LOG = Logger.getLogger(CampaignLaunch.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Rules rules;
    private final Teams teams;
    private final CustomerFacts facts;
    private final Outbox outbox;

    public CampaignLaunch(EntityManager em, ObjectMapper mapper, Rules rules, Teams teams, CustomerFacts facts,
                          Outbox outbox) {
        this.em = em;
        this.mapper = mapper;
        this.rules = rules;
        this.teams = teams;
        this.facts = facts;
        this.outbox = outbox;
    }

    /**
     * Generates the leads of {@code campaign} for slice {@code slice} (0 to {@value #SLICES} - 1) of the customers.
     */
    public CampaignLaunchSummary slice(StoredCampaign campaign, Product product, int slice, String actor,
                                       Instant now, LocalDate today) {
        long t0 = System.nanoTime();
        CampaignTarget target = campaign.target();
        UUID from = bound(slice);
        UUID to = slice + 1 < SLICES ? bound(slice + 1) : null;
        String employer = target.employerId() == null ? "" : target.employerId().toString();
        em.createNativeQuery("""
                        create temp table campaign_target (
                            customer_id uuid primary key, home_branch text, profile text not null,
                            has_open boolean not null, eligible boolean not null default false, priority int,
                            team_id uuid, assignee text, sla_due_at timestamptz) on commit drop""")
                .executeUpdate();
        em.createNativeQuery("""
                        create temp table campaign_new (
                            lead_id uuid primary key, customer_id uuid not null, priority int not null,
                            team_id uuid, assignee text, sla_due_at timestamptz) on commit drop""")
                .executeUpdate();
        // 1. the targeted customers of the slice, with their profile:
        //    kind|tier|salary band|officer role|channels|holds|closed
        int targeted = em.createNativeQuery("""
                        insert into campaign_target (customer_id, home_branch, profile, has_open)
                        select cf.customer_id, cf.home_branch,
                               concat_ws('|', cf.kind, coalesce(cf.tier, ''), coalesce(rm.salary_band, ''),
                                   coalesce(rm.officer_role, ''), coalesce(mc.channels, ''),
                                   exists (select 1 from product_holding h
                                           where h.customer_id = cf.customer_id and h.product_code = :product),
                                   coalesce(cf.status = 'CLOSED', false)),
                               exists (select 1 from lead l where l.customer_id = cf.customer_id
                                       and l.product_code = :product and l.status in %s)
                        from customer_fact cf
                        left join lateral (select r.salary_band, r.officer_role from roster_member r
                                           where r.customer_id = cf.customer_id and r.left_on is null
                                           order by r.linked_on desc, r.agreement_id limit 1) rm on true
                        left join lateral (select string_agg(c.channel, ',' order by c.channel) as channels
                                           from marketing_consent c
                                           where c.customer_id = cf.customer_id and c.granted) mc on true
                        where cf.kind = :kind
                          and cf.customer_id >= cast(:from as uuid)
                          and (:to = '' or cf.customer_id < cast(nullif(:to, '') as uuid))
                          and (:tiers = '' or cf.tier = any (string_to_array(:tiers, ',')))
                          and (:bands = '' or rm.salary_band = any (string_to_array(:bands, ',')))
                          and (cast(nullif(:employer, '') as uuid) is null or exists (
                                  select 1 from employer_link e where e.customer_id = cf.customer_id
                                  and e.employer_id = cast(nullif(:employer, '') as uuid) and e.ended_on is null
                                  and e.type in ('EMPLOYEE_OF', 'OFFICER_OF')))
                          and exists (select 1 from marketing_consent c where c.customer_id = cf.customer_id
                                      and c.granted and c.channel = any (string_to_array(:channels, ',')))
                          and (not :excludeHolders or not exists (
                                  select 1 from product_holding h
                                  where h.customer_id = cf.customer_id and h.product_code = :product))""".formatted(OPEN))
                .setParameter("product", product.code().value())
                .setParameter("kind", target.kind().name())
                .setParameter("from", from.toString()).setParameter("to", to == null ? "" : to.toString())
                .setParameter("tiers", String.join(",", target.tiers()))
                .setParameter("bands", target.salaryBands().stream().map(Enum::name).collect(Collectors.joining(",")))
                .setParameter("employer", employer)
                .setParameter("channels", target.consentChannels().stream().map(Enum::name)
                        .collect(Collectors.joining(",")))
                .setParameter("excludeHolders", target.excludeHolders())
                .executeUpdate();
        long alreadyOpen = count("select count(*) from campaign_target where has_open");
        long t1 = System.nanoTime();

        // 2. the distinct profiles, decided and scored by the domain's rules
        String employerTier = target.employerId() == null ? null
                : facts.find(target.employerId()).map(CustomerFacts.Fact::tier).orElse(null);
        List<Map<String, Object>> scored = new ArrayList<>();
        for (Object profile : em.createNativeQuery(
                "select distinct profile from campaign_target where not has_open").getResultList()) {
            Prospect prospect = prospect((String) profile, product.code());
            if (!rules.eligibility().decide(product, prospect).eligible()) {
                continue;
            }
            PriorityScore score = rules.scoring().score(product, prospect, target.employerId() != null, employerTier);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("profile", profile);
            row.put("priority", score.total());
            row.put("explanation", score);
            scored.add(row);
        }
        long eligible = 0;
        int created = 0;
        long assigned = 0;
        long withoutTeam = 0;
        long t2 = System.nanoTime();
        long t3 = t2;
        if (!scored.isEmpty()) {
            String profiles = json(scored);
            em.createNativeQuery("""
                            create temp table campaign_profile (profile text primary key, priority int not null,
                                explanation jsonb not null) on commit drop""").executeUpdate();
            em.createNativeQuery("""
                            insert into campaign_profile (profile, priority, explanation)
                            select profile, priority, explanation
                            from jsonb_to_recordset(cast(:profiles as jsonb)) as p(profile text, priority int, explanation jsonb)""")
                    .setParameter("profiles", profiles).executeUpdate();
            // 3. the eligible customers with their priority and the team of their home branch (as for every lead)
            eligible = em.createNativeQuery("""
                            update campaign_target t set eligible = true, priority = p.priority, team_id = (
                                select r.id from team r where r.kind = 'RETAIL' and r.branch = t.home_branch
                                order by r.created_at, r.id limit 1)
                            from campaign_profile p where p.profile = t.profile and not t.has_open""").executeUpdate();
            t2 = System.nanoTime();
            // 4. within each team, the weighted round robin once per lead, highest priority first (teams locked in id
            //    order); then one update of every team's rows with their member and the team's deadline
            List<Map<String, Object>> assignments = new ArrayList<>();
            for (SqlRow team : SqlRow.list(em.createNativeQuery("""
                            select team_id, count(*) as leads from campaign_target where eligible and team_id is not null
                            group by team_id order by team_id""", Tuple.class))) {
                Teams.BulkAssignment a = teams.assignMany(team.uuid("team_id"), today, (int) team.longValue("leads"));
                Instant due = rules.sla(a.team().firstContactMinutes()).deadline(now);
                for (int k = 0; k < a.members().size(); k++) {
                    if (a.members().get(k) != null) {
                        assignments.add(Map.of("team", a.team().id(), "k", k + 1, "staff", a.members().get(k),
                                "due", due.toString()));
                    }
                }
            }
            if (!assignments.isEmpty()) {
                em.createNativeQuery("""
                                update campaign_target t set assignee = a.staff, sla_due_at = a.due
                                from (select customer_id, team_id, row_number() over (
                                          partition by team_id order by priority desc, customer_id) as k
                                      from campaign_target where eligible and team_id is not null) o
                                join jsonb_to_recordset(cast(:assignments as jsonb)) as a(team uuid, k int, staff text,
                                    due timestamptz) on a.team = o.team_id and a.k = o.k
                                where t.customer_id = o.customer_id""")
                        .setParameter("assignments", json(assignments)).executeUpdate();
            }
            t3 = System.nanoTime();
            // 5. one insert of the leads, as assigned, against the open-lead index: one an event created meanwhile
            //    wins (its member keeps the round robin's turn: the state is not rewound for a lost race)
            created = em.createNativeQuery("""
                            with inserted as (
                                insert into lead (id, customer_id, product_code, source, agreement_id, employer_id,
                                    campaign_id, linked_on, team_id, assignee, status, furthest, priority,
                                    priority_explanation, sla_due_at, approval_required, version, created_at,
                                    created_by, updated_at)
                                select gen_random_uuid(), t.customer_id, :product, 'CAMPAIGN', null,
                                       cast(nullif(:employer, '') as uuid), :campaign, null, t.team_id, t.assignee,
                                       'NEW', 'NEW', p.priority, p.explanation, t.sla_due_at, false, 1, :now, :actor, :now
                                from campaign_target t join campaign_profile p on p.profile = t.profile
                                where t.eligible
                                order by t.customer_id
                                on conflict (customer_id, product_code) where status in ('NEW', 'CONTACTED', 'QUALIFIED', 'ON_HOLD')
                                do nothing
                                returning id, customer_id, priority, team_id, assignee, sla_due_at)
                            insert into campaign_new (lead_id, customer_id, priority, team_id, assignee, sla_due_at)
                            select id, customer_id, priority, team_id, assignee, sla_due_at from inserted""")
                    .setParameter("product", product.code().value()).setParameter("employer", employer)
                    .setParameter("campaign", campaign.id()).setParameter("now", now).setParameter("actor", actor)
                    .executeUpdate();
            em.createNativeQuery("drop table campaign_profile").executeUpdate();
        }
        if (created > 0) {
            assigned = count("select count(*) from campaign_new where assignee is not null");
            withoutTeam = count("select count(*) from campaign_new where team_id is null");
            // 6. history lines and events
            em.createNativeQuery("""
                            insert into lead_history (lead_id, kind, at, actor, to_status, reason)
                            select lead_id, 'CREATED', :now, :actor, 'NEW', :why from campaign_new order by lead_id""")
                    .setParameter("now", now).setParameter("actor", actor)
                    .setParameter("why", "campaign " + campaign.name()).executeUpdate();
            em.createNativeQuery("""
                            insert into lead_history (lead_id, kind, at, actor, to_assignee, reason)
                            select lead_id, 'ASSIGNED', :now, :actor, assignee, 'round robin by capacity'
                            from campaign_new where assignee is not null order by lead_id""")
                    .setParameter("now", now).setParameter("actor", actor).executeUpdate();
            outbox.publishEach(CrosssellEvents.LEAD_CREATED, """
                            select cast(n.lead_id as text), jsonb_build_object(
                                'leadId', n.lead_id, 'customerId', n.customer_id, 'product', cast(:product as text),
                                'source', 'CAMPAIGN', 'agreementId', null, 'employerId', cast(nullif(:employer, '') as uuid),
                                'campaignId', cast(:campaign as uuid), 'teamId', n.team_id, 'assignee', n.assignee,
                                'priority', n.priority,
                                'slaDueAt', to_char(n.sla_due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                'createdAt', to_char(cast(:now as timestamptz) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                            from campaign_new n order by n.lead_id""",
                    Map.of("product", product.code().value(), "employer", employer,
                            "campaign", campaign.id(), "now", now));
        }
        long t4 = System.nanoTime();
        LOG.infof("campaign %s slice %d: %d targeted, %d created in %d ms (targets %d, rules %d, assignment %d, "
                + "leads, history and events %d)", campaign.id(), slice, targeted, created, (t4 - t0) / 1_000_000,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        em.createNativeQuery("drop table campaign_target").executeUpdate();
        em.createNativeQuery("drop table campaign_new").executeUpdate();
        return new CampaignLaunchSummary(targeted, alreadyOpen, targeted - alreadyOpen - eligible, created, assigned,
                withoutTeam);
    }

    /** The first customer id of slice {@code slice}. */
    static UUID bound(int slice) {
        return new UUID((long) slice << 60, 0L);
    }

    /** The prospect a profile key stands for (the customer id is a placeholder: no rule reads it). */
    private static Prospect prospect(String profile, ProductCode product) {
        String[] p = profile.split("\\|", -1);
        Set<ConsentChannel> channels = EnumSet.noneOf(ConsentChannel.class);
        if (!p[4].isEmpty()) {
            for (String c : p[4].split(",")) {
                channels.add(ConsentChannel.valueOf(c));
            }
        }
        boolean holds = "t".equals(p[5]) || "true".equals(p[5]);
        boolean closed = "t".equals(p[6]) || "true".equals(p[6]);
        return new Prospect(new UUID(0, 0), CustomerKind.valueOf(p[0]), p[1].isEmpty() ? null : p[1],
                SalaryBand.parse(p[2]).orElse(null), OfficerRole.parse(p[3]).orElse(null), channels,
                holds ? Set.of(product) : Set.of(), closed);
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
