namespace LocalFlow.Data.Entities;

/// <summary>Where a held grant of access stands.</summary>
public enum GrantDecision
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

/// <summary>
/// A grant of access to people or restricted records that an administrator asked for and that waits for a second
/// administrator (issue 14, item 8; docs/trust.md). Until it is approved the user does not have it.
/// </summary>
public sealed class AccessGrant
{
    public int Id { get; set; }
    /// <summary>The user who would gain the access.</summary>
    public int UserId { get; set; }
    /// <summary>The administrator who asked for it.</summary>
    public int RequestedById { get; set; }
    public DateTime RequestedUtc { get; set; }
    /// <summary>The roles that open people's records that it adds.</summary>
    public Roles Roles { get; set; }
    /// <summary>Whether it allows the user to see every restricted record.</summary>
    public bool MaySeeRestricted { get; set; }
    /// <summary>The localities it adds, comma-separated ids (for a user who may see people).</summary>
    public string LocalityIds { get; set; } = "";
    public GrantDecision Decision { get; set; }
    /// <summary>The second administrator who approved or refused it.</summary>
    public int? DecidedById { get; set; }
    public DateTime? DecidedUtc { get; set; }

    /// <summary>The locality ids it adds.</summary>
    public IReadOnlyList<int> Localities => LocalityIds.Length == 0 ? [] : [.. LocalityIds.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
}
