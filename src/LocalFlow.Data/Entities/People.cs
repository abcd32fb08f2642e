namespace LocalFlow.Data.Entities;

/// <summary>Marks an entity that holds personal data: it carries its locality, every change to it is audited.</summary>
public interface IPersonalData
{
    int LocalityId { get; }
    Guid Id { get; }
}

/// <summary>A household at an address in the locality.</summary>
public sealed class Household : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public int? StreetId { get; set; }
    public required string AddressLine { get; set; }
    public required string Postcode { get; set; }
    /// <summary>Restricted (for example domestic abuse): address and whereabouts hidden from everyone not explicitly allowed.</summary>
    public bool Restricted { get; set; }
}

/// <summary>A person living in the locality, as LocalFlow knows them after linking.</summary>
public sealed class Person : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int LocalityId { get; set; }
    public Guid? HouseholdId { get; set; }
    public Household? Household { get; set; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string? Sex { get; set; }
    public string? NhsNumber { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool Restricted { get; set; }

    public string DisplayName => $"{GivenName} {FamilyName}";
}
