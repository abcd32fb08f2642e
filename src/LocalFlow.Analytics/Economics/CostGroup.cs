namespace LocalFlow.Analytics.Economics;

/// <summary>
/// The columns the cost of a cohort is split into, as slide 13 of the Vanguard deck has them (social services, local
/// authority, health service, police, education), with the locality team's own work and everyone else beside them.
/// </summary>
public enum CostGroup
{
    /// <summary>Adult and children's social care, early help, occupational therapy and reablement.</summary>
    SocialServices = 1,
    /// <summary>The council's other services (contact centre, housing options, revenues and benefits, telecare...) and social housing.</summary>
    LocalAuthority = 2,
    /// <summary>NHS trusts, GP practices and ambulance services.</summary>
    Health = 3,
    /// <summary>Police forces.</summary>
    Police = 4,
    /// <summary>Schools.</summary>
    Education = 5,
    /// <summary>The locality team's own work (the cost of the new way of working).</summary>
    LocalityTeam = 6,
    /// <summary>Anyone else: charities, central government, fire and rescue.</summary>
    Other = 9,
}

/// <summary>The one rule that puts an agency's records into a <see cref="CostGroup"/>.</summary>
public static class CostGroups
{
    /// <summary>The groups in the order pages and files show them.</summary>
    public static IReadOnlyList<CostGroup> All { get; } =
        [CostGroup.SocialServices, CostGroup.LocalAuthority, CostGroup.Health, CostGroup.Police, CostGroup.Education, CostGroup.LocalityTeam, CostGroup.Other];

    private static readonly string[] SocialCareTeams = ["social care", "social work", "children's front door", "mash", "early help", "occupational therapy", "reablement", "safeguarding"];

    /// <summary>
    /// The group of a record by its agency's kind (the name of LocalFlow's agency kind: "Council", "Police",
    /// "NhsTrust", "GpPractice", "HousingProvider", "FireAndRescue", "AmbulanceService", "Charity",
    /// "CentralGovernment", "School", "Other") and its team's name. The locality team's records are
    /// <see cref="CostGroup.LocalityTeam"/> whatever their agency. A council team whose name says social care,
    /// social work, children's front door (MASH), early help, occupational therapy, reablement or safeguarding is
    /// social services; the rest of the council and housing providers are the local authority; NHS trusts, GP
    /// practices and ambulance services are health.
    /// </summary>
    public static CostGroup Of(string agencyKind, string? teamName, bool byLocalityTeam)
    {
        if (byLocalityTeam)
        {
            return CostGroup.LocalityTeam;
        }
        return agencyKind switch
        {
            "Council" => teamName is not null && SocialCareTeams.Any(t => teamName.Contains(t, StringComparison.OrdinalIgnoreCase)) ? CostGroup.SocialServices : CostGroup.LocalAuthority,
            "HousingProvider" => CostGroup.LocalAuthority,
            "NhsTrust" or "GpPractice" or "AmbulanceService" => CostGroup.Health,
            "Police" => CostGroup.Police,
            "School" => CostGroup.Education,
            _ => CostGroup.Other,
        };
    }
}
