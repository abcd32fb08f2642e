using LocalFlow.Analytics.Flow;

namespace LocalFlow.Data.Entities;

/// <summary>A neighbourhood served by one locality team. Personal data always belongs to one locality.</summary>
public sealed class Locality
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public List<Street> Streets { get; set; } = [];
}

/// <summary>A street in a locality with the postcodes found on it.</summary>
public sealed class Street
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public required string Name { get; set; }
    public required string Town { get; set; }
    /// <summary>Postcodes on the street, separated by commas ("NF1 2AB, NF1 2AD").</summary>
    public string Postcodes { get; set; } = "";
}

public enum AgencyKind
{
    Council = 1,
    Police = 2,
    NhsTrust = 3,
    GpPractice = 4,
    HousingProvider = 5,
    FireAndRescue = 6,
    AmbulanceService = 7,
    Charity = 8,
    CentralGovernment = 9,
    School = 10,
    Other = 99,
}

/// <summary>An organisation that holds records about people in the locality.</summary>
public sealed class Agency
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public AgencyKind Kind { get; set; }
    public List<Team> Teams { get; set; } = [];
}

public sealed class Team
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Name { get; set; }
}

/// <summary>A member of staff or volunteer who appears in records (not necessarily a user of LocalFlow).</summary>
public sealed class Worker
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public required string Name { get; set; }
    public string JobTitle { get; set; } = "";
    /// <summary>The LocalFlow user who is this worker, when they sign in ("my people", "key worker" mean them).</summary>
    public int? UserId { get; set; }
}

public enum Channel
{
    Phone = 1,
    FaceToFace = 2,
    Email = 3,
    WebForm = 4,
    Letter = 5,
    Referral = 6,
    Emergency = 7,
    HomeVisit = 8,
    Other = 99,
}

/// <summary>Any place demand enters the system: a phone line, an office, A&amp;E, 999, a GP, a charity's drop-in.</summary>
public sealed class FrontDoor
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Name { get; set; }
    public Channel Channel { get; set; }
}

/// <summary>What one unit of an activity costs an agency, with the price year and where the figure comes from.</summary>
public sealed class UnitCost
{
    public int Id { get; set; }
    public ActivityKind ActivityKind { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Description { get; set; }
    public decimal Amount { get; set; }
    public int PriceYear { get; set; }
    public required string Source { get; set; }
}
