package io.bankcrm.crosssell.service;

/**
 * What a campaign's launch did so far (the job's result, saved with each slice's progress).
 *
 * @param targeted      customers matching the campaign's target
 * @param alreadyOpen   of those, skipped because they have an open lead for the product already
 * @param notEligible   of the others, refused by the product's eligibility rule
 * @param created       leads the launch created
 * @param assigned      of those, given to a team member (the others wait in their team's queue, or have no team)
 * @param withoutTeam   of those, with no RETAIL team at the customer's home branch
 */
public record CampaignLaunchSummary(long targeted, long alreadyOpen, long notEligible, long created, long assigned,
                                    long withoutTeam) {

    public static final CampaignLaunchSummary NONE = new CampaignLaunchSummary(0, 0, 0, 0, 0, 0);

    public CampaignLaunchSummary plus(CampaignLaunchSummary o) {
        return new CampaignLaunchSummary(targeted + o.targeted, alreadyOpen + o.alreadyOpen,
                notEligible + o.notEligible, created + o.created, assigned + o.assigned, withoutTeam + o.withoutTeam);
    }
}
