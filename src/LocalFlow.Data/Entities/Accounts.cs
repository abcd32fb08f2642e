namespace LocalFlow.Data.Entities;

/// <summary>What a user may do. A user can hold several roles.</summary>
[Flags]
public enum Roles
{
    None = 0,
    Administrator = 1,
    StudyTeam = 2,
    LocalityWorker = 4,
    Analyst = 8,
    Commissioner = 16,
    DataOfficer = 32,
    /// <summary>A citizen member of a commissioning group: sees the redesign programme and its evidence in aggregate (small numbers withheld), never a person's records.</summary>
    Citizen = 64,
    /// <summary>A member of the steering group: takes gateway decisions on commissioning questions.</summary>
    Steering = 128,
}

/// <summary>A local account. Passwords are hashed with ASP.NET Core's PasswordHasher.</summary>
public sealed class User
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public string PasswordHash { get; set; } = "";
    public Roles Roles { get; set; }
    public bool MustChangePassword { get; set; }
    public bool Disabled { get; set; }
    /// <summary>Explicitly allowed to see restricted records (for example a domestic abuse specialist). Everyone else sees them hidden.</summary>
    public bool MaySeeRestricted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    public int FailedSignIns { get; set; }
    /// <summary>
    /// Changed whenever a session must end: sign-out, disabling, a new password, or any change to roles, localities,
    /// memberships or restricted access. Every signed-in request carries the stamp it was issued with and is refused
    /// when it no longer matches (docs/trust.md).
    /// </summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    /// <summary>Sign-in is refused until this instant after repeated wrong passwords (docs/trust.md); null when not locked.</summary>
    public DateTime? LockedUntil { get; set; }
    public List<UserLocality> Localities { get; set; } = [];
    public List<UserAgency> Agencies { get; set; } = [];
    public List<UserTeam> Teams { get; set; } = [];
}

public sealed class UserLocality
{
    public int UserId { get; set; }
    public int LocalityId { get; set; }
    public Locality? Locality { get; set; }
}

public sealed class UserAgency
{
    public int UserId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
}

public sealed class UserTeam
{
    public int UserId { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
}

/// <summary>A setting stored in the database (for example whether the demo has been created).</summary>
public sealed class Setting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
