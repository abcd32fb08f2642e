using System.Globalization;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalFlow.Data.Trust;

/// <summary>
/// The categories of data an agreement shares, with fixed numbers (stored). A record's category is its agency's kind
/// (<see cref="Sharing.CategoryOf"/>): a police force's records are police records, a GP's are health records.
/// </summary>
public enum DataCategory
{
    /// <summary>Health records: NHS trusts, GP practices, ambulance services.</summary>
    Health = 1,
    /// <summary>Social care and other council records (telecare included).</summary>
    SocialCare = 2,
    /// <summary>Police records.</summary>
    Police = 3,
    /// <summary>Housing records: housing providers.</summary>
    Housing = 4,
    /// <summary>Fire and rescue records.</summary>
    FireAndRescue = 5,
    /// <summary>Benefits and work records: central government (the Jobcentre).</summary>
    BenefitsAndWork = 6,
    /// <summary>Records of charities and community groups.</summary>
    VoluntarySector = 7,
    /// <summary>Education records: schools.</summary>
    Education = 8,
    /// <summary>Records of any other kind of agency.</summary>
    Other = 99,
}

/// <summary>What an agreement shares records for; each role reads other agencies' records for one purpose (<see cref="Sharing.PurposesOf"/>). Flags, stored as a number.</summary>
[Flags]
public enum SharingPurposes
{
    None = 0,
    /// <summary>Supporting the person: the locality team's work with them (locality workers).</summary>
    Support = 1,
    /// <summary>Studying the flow of work through the agencies to redesign it (the study team reads case histories).</summary>
    Study = 2,
    /// <summary>Managing the data: importing extracts and linking records about the same person (the data officer).</summary>
    DataManagement = 4,
}

/// <summary>The lawful basis for processing under UK GDPR Article 6(1), with fixed numbers (stored).</summary>
public enum Article6Basis
{
    /// <summary>6(1)(a): the person's consent.</summary>
    Consent = 1,
    /// <summary>6(1)(b): a contract with the person.</summary>
    Contract = 2,
    /// <summary>6(1)(c): a legal obligation.</summary>
    LegalObligation = 3,
    /// <summary>6(1)(d): the person's vital interests.</summary>
    VitalInterests = 4,
    /// <summary>6(1)(e): a task in the public interest or in official authority.</summary>
    PublicTask = 5,
    /// <summary>6(1)(f): legitimate interests (not for public authorities' tasks).</summary>
    LegitimateInterests = 6,
}

/// <summary>The condition for special category data under UK GDPR Article 9(2), with fixed numbers (stored); <see cref="None"/> when no special category data is shared.</summary>
public enum Article9Condition
{
    /// <summary>No special category data is shared.</summary>
    None = 0,
    /// <summary>9(2)(a): explicit consent.</summary>
    ExplicitConsent = 1,
    /// <summary>9(2)(b): employment, social security and social protection law.</summary>
    SocialProtection = 2,
    /// <summary>9(2)(c): vital interests of a person who cannot consent.</summary>
    VitalInterests = 3,
    /// <summary>9(2)(g): substantial public interest (with a Data Protection Act 2018 Schedule 1 condition, such as safeguarding).</summary>
    SubstantialPublicInterest = 7,
    /// <summary>9(2)(h): health or social care.</summary>
    HealthOrSocialCare = 8,
    /// <summary>9(2)(i): public health.</summary>
    PublicHealth = 9,
}

/// <summary>
/// A data sharing agreement between agencies of one locality (issue 14, item 11; docs/trust.md): the agencies party to
/// it share their records of the <see cref="Categories"/> with each other, for the <see cref="Purposes"/>, on the
/// lawful basis, from <see cref="StartsOn"/> to <see cref="EndsOn"/>. When <see cref="ConsentBased"/>, only the records
/// of people who have given consent (<see cref="SharingConsent"/>) are shared. Each change makes a new
/// <see cref="Version"/> and an audit entry.
/// </summary>
public sealed class SharingAgreement
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    /// <summary>The agreement's title ("Northfield locality working").</summary>
    public required string Name { get; set; }
    /// <summary>What the sharing is for, in the agreement's words.</summary>
    public required string Description { get; set; }
    public SharingPurposes Purposes { get; set; }
    public Article6Basis Article6 { get; set; }
    public Article9Condition Article9 { get; set; }
    /// <summary>Whether a person's consent is needed before their records are shared (as the lawful basis, or for the common law duty of confidentiality).</summary>
    public bool ConsentBased { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>The last day it is in force; null while it has no end.</summary>
    public DateOnly? EndsOn { get; set; }
    public int Version { get; set; } = 1;
    public required string ChangedBy { get; set; }
    public DateTime ChangedUtc { get; set; }
    public List<SharingParty> Parties { get; set; } = [];
    public List<SharingCategory> Categories { get; set; } = [];
}

/// <summary>An agency party to a <see cref="SharingAgreement"/>.</summary>
public sealed class SharingParty
{
    public int AgreementId { get; set; }
    public int AgencyId { get; set; }
}

/// <summary>A category of data a <see cref="SharingAgreement"/> shares.</summary>
public sealed class SharingCategory
{
    public int AgreementId { get; set; }
    public DataCategory Category { get; set; }
}

/// <summary>A person's consent to a consent-based <see cref="SharingAgreement"/>: given or withdrawn, when, and who recorded it. The latest word stands; each change is audited.</summary>
public sealed class SharingConsent
{
    public int Id { get; set; }
    public int LocalityId { get; set; }
    public int AgreementId { get; set; }
    public Guid PersonId { get; set; }
    public bool Given { get; set; }
    /// <summary>The day the person gave or withdrew it.</summary>
    public DateOnly On { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
}

internal sealed class SharingAgreementConfiguration : IEntityTypeConfiguration<SharingAgreement>
{
    public void Configure(EntityTypeBuilder<SharingAgreement> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.ChangedBy).HasMaxLength(200);
        e.HasIndex(x => x.LocalityId);
        e.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId);
        e.HasMany(x => x.Parties).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Categories).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SharingPartyConfiguration : IEntityTypeConfiguration<SharingParty>
{
    public void Configure(EntityTypeBuilder<SharingParty> e)
    {
        e.HasKey(x => new { x.AgreementId, x.AgencyId });
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId);
    }
}

internal sealed class SharingCategoryConfiguration : IEntityTypeConfiguration<SharingCategory>
{
    public void Configure(EntityTypeBuilder<SharingCategory> e) => e.HasKey(x => new { x.AgreementId, x.Category });
}

internal sealed class SharingConsentConfiguration : IEntityTypeConfiguration<SharingConsent>
{
    public void Configure(EntityTypeBuilder<SharingConsent> e)
    {
        e.HasIndex(x => new { x.AgreementId, x.PersonId }).IsUnique();
        e.HasIndex(x => new { x.LocalityId, x.PersonId });
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<SharingAgreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        // erasing a person removes their consents first (Trust/Erasure.cs), as every other record of theirs
        e.HasOne<Person>().WithMany().HasForeignKey(x => new { x.LocalityId, x.PersonId }).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A sharing agreement or consent that was refused, naming the field.</summary>
public sealed class SharingInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>What an administrator typed for an agreement, checked by <see cref="Sharing.SaveAsync"/>.</summary>
public sealed record SharingAgreementInput(
    string? Name, string? Description, SharingPurposes Purposes, IReadOnlyCollection<int> AgencyIds, IReadOnlyCollection<DataCategory> Categories,
    Article6Basis? Article6, Article9Condition? Article9, bool? ConsentBased, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>
/// Data sharing agreements and consent (docs/trust.md, "Data sharing agreements"). Which records a viewer sees through
/// them is decided in <see cref="LocalityWork.Visibility"/>, never here.
/// </summary>
public static class Sharing
{
    /// <summary>The category of an agency's records: the one place a record kind is decided.</summary>
    public static DataCategory CategoryOf(AgencyKind kind) => kind switch
    {
        AgencyKind.NhsTrust or AgencyKind.GpPractice or AgencyKind.AmbulanceService => DataCategory.Health,
        AgencyKind.Council => DataCategory.SocialCare,
        AgencyKind.Police => DataCategory.Police,
        AgencyKind.HousingProvider => DataCategory.Housing,
        AgencyKind.FireAndRescue => DataCategory.FireAndRescue,
        AgencyKind.CentralGovernment => DataCategory.BenefitsAndWork,
        AgencyKind.Charity => DataCategory.VoluntarySector,
        AgencyKind.School => DataCategory.Education,
        _ => DataCategory.Other,
    };

    /// <summary>
    /// The purposes each role reads other agencies' records for: locality workers to support the person, the study
    /// team to study the flow, the data officer to manage the data. Other roles see figures only, never records.
    /// </summary>
    public static SharingPurposes PurposesOf(Roles roles)
        => (roles.HasFlag(Roles.LocalityWorker) ? SharingPurposes.Support : SharingPurposes.None)
           | (roles.HasFlag(Roles.StudyTeam) ? SharingPurposes.Study : SharingPurposes.None)
           | (roles.HasFlag(Roles.DataOfficer) ? SharingPurposes.DataManagement : SharingPurposes.None);

    /// <summary>Today in London, the day on which agreements are in force or not.</summary>
    public static DateOnly Today(TimeProvider clock)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, London));

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Whether the agreement is in force on <paramref name="day"/>.</summary>
    public static bool InForce(SharingAgreement a, DateOnly day) => a.StartsOn <= day && (a.EndsOn is null || a.EndsOn >= day);

    public static string Describe(DataCategory c) => c switch
    {
        DataCategory.Health => "Health",
        DataCategory.SocialCare => "Social care and council",
        DataCategory.Police => "Police",
        DataCategory.Housing => "Housing",
        DataCategory.FireAndRescue => "Fire and rescue",
        DataCategory.BenefitsAndWork => "Benefits and work",
        DataCategory.VoluntarySector => "Charities and community groups",
        DataCategory.Education => "Education",
        _ => "Other agencies",
    };

    public static string Describe(SharingPurposes p) => p switch
    {
        SharingPurposes.Support => "Supporting the person (locality team)",
        SharingPurposes.Study => "Studying the flow to redesign services (study team)",
        SharingPurposes.DataManagement => "Importing and linking records (data officer)",
        _ => string.Join("; ", Enum.GetValues<SharingPurposes>().Where(f => f != SharingPurposes.None && p.HasFlag(f)).Select(Describe)),
    };

    public static string Describe(Article6Basis b) => b switch
    {
        Article6Basis.Consent => "Article 6(1)(a): consent",
        Article6Basis.Contract => "Article 6(1)(b): contract",
        Article6Basis.LegalObligation => "Article 6(1)(c): legal obligation",
        Article6Basis.VitalInterests => "Article 6(1)(d): vital interests",
        Article6Basis.PublicTask => "Article 6(1)(e): public task",
        Article6Basis.LegitimateInterests => "Article 6(1)(f): legitimate interests",
        _ => b.ToString(),
    };

    public static string Describe(Article9Condition c) => c switch
    {
        Article9Condition.None => "No special category data",
        Article9Condition.ExplicitConsent => "Article 9(2)(a): explicit consent",
        Article9Condition.SocialProtection => "Article 9(2)(b): employment, social security and social protection",
        Article9Condition.VitalInterests => "Article 9(2)(c): vital interests",
        Article9Condition.SubstantialPublicInterest => "Article 9(2)(g): substantial public interest",
        Article9Condition.HealthOrSocialCare => "Article 9(2)(h): health or social care",
        Article9Condition.PublicHealth => "Article 9(2)(i): public health",
        _ => c.ToString(),
    };

    /// <summary>A locality's agreements with their parties and categories, newest start first.</summary>
    public static Task<List<SharingAgreement>> ForLocalityAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
        => db.SharingAgreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Categories).Where(a => a.LocalityId == localityId)
            .OrderByDescending(a => a.StartsOn).ThenBy(a => a.Id).ToListAsync(ct);

    /// <summary>
    /// Makes an agreement (<paramref name="id"/> null) or changes one, as a new version. Refuses, naming the field, a
    /// missing name or purpose, fewer than two agencies of the locality, no category, a missing basis, consent as the
    /// basis without saying consent is needed, and an end before the start. Audited.
    /// </summary>
    public static async Task<SharingAgreement> SaveAsync(LocalFlowDb db, int localityId, int? id, SharingAgreementInput input, CancellationToken ct = default)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            throw new SharingInputException("Name", "Enter the agreement's name");
        }
        if (name.Length > 200)
        {
            throw new SharingInputException("Name", "The name must be 200 characters or fewer");
        }
        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            throw new SharingInputException("Description", "Enter what the records are shared for, in the agreement's words");
        }
        if (description.Length > 2000)
        {
            throw new SharingInputException("Description", "The description must be 2,000 characters or fewer");
        }
        if (input.Purposes == SharingPurposes.None || (input.Purposes & ~(SharingPurposes.Support | SharingPurposes.Study | SharingPurposes.DataManagement)) != 0)
        {
            throw new SharingInputException("Purposes", "Choose at least one purpose the records are shared for");
        }
        var agencies = input.AgencyIds.Distinct().ToList();
        var known = await db.Agencies.CountAsync(a => agencies.Contains(a.Id), ct);
        if (agencies.Count < 2 || known != agencies.Count)
        {
            throw new SharingInputException("Agencies", "Choose at least two agencies party to the agreement");
        }
        var categories = input.Categories.Distinct().ToList();
        if (categories.Count == 0 || categories.Any(c => !Enum.IsDefined(c)))
        {
            throw new SharingInputException("Categories", "Choose at least one category of data shared");
        }
        if (input.Article6 is not { } a6 || !Enum.IsDefined(a6))
        {
            throw new SharingInputException("Article6", "Choose the lawful basis under Article 6");
        }
        if (input.Article9 is not { } a9 || !Enum.IsDefined(a9))
        {
            throw new SharingInputException("Article9", "Choose the condition for special category data under Article 9, or say none is shared");
        }
        if (input.ConsentBased is not { } consent)
        {
            throw new SharingInputException("ConsentBased", "Say whether the person's consent is needed");
        }
        if (!consent && (a6 == Article6Basis.Consent || a9 == Article9Condition.ExplicitConsent))
        {
            throw new SharingInputException("ConsentBased", "The lawful basis is consent, so say that the person's consent is needed");
        }
        if (input.StartsOn is not { } starts)
        {
            throw new SharingInputException("StartsOn", "Enter the date the agreement starts");
        }
        if (input.EndsOn is { } ends && ends < starts)
        {
            throw new SharingInputException("EndsOn", "The end date must be the same as or after the start date");
        }
        // the change and its audit entry together: the new agreement's id is known only once it is saved
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        SharingAgreement agreement;
        if (id is int existing)
        {
            agreement = await db.SharingAgreements.Include(a => a.Parties).Include(a => a.Categories).SingleOrDefaultAsync(a => a.Id == existing && a.LocalityId == localityId, ct)
                ?? throw new SharingInputException("Name", "There is no such agreement in this locality");
            agreement.Version++;
        }
        else
        {
            agreement = db.SharingAgreements.Add(new SharingAgreement { LocalityId = localityId, Name = name, Description = description, ChangedBy = db.Actor.UserName }).Entity;
        }
        agreement.Name = name;
        agreement.Description = description;
        agreement.Purposes = input.Purposes;
        agreement.Article6 = a6;
        agreement.Article9 = a9;
        agreement.ConsentBased = consent;
        agreement.StartsOn = starts;
        agreement.EndsOn = input.EndsOn;
        agreement.ChangedBy = db.Actor.UserName;
        agreement.ChangedUtc = db.Clock.GetUtcNow().UtcDateTime;
        // kept rows stay, so no row is deleted and added again under the same key
        agreement.Parties.RemoveAll(p => !agencies.Contains(p.AgencyId));
        agreement.Parties.AddRange(agencies.Where(x => agreement.Parties.All(p => p.AgencyId != x)).Order().Select(x => new SharingParty { AgencyId = x }));
        agreement.Categories.RemoveAll(c => !categories.Contains(c.Category));
        agreement.Categories.AddRange(categories.Where(x => agreement.Categories.All(c => c.Category != x)).Order().Select(x => new SharingCategory { Category = x }));
        await db.SaveChangesAsync(ct);
        AuditTrail.Add(db, AuditEventType.SharingAgreementChanged, id is null ? AuditOperation.Create : AuditOperation.Update, nameof(SharingAgreement),
            agreement.Id.ToString(CultureInfo.InvariantCulture), localityId,
            $"Version {agreement.Version.ToString(CultureInfo.InvariantCulture)}: agencies {string.Join(",", agencies.Order())}; categories {string.Join(",", categories.Order())}; purposes {input.Purposes}; "
            + $"{a6}/{a9}; consent {(consent ? "needed" : "not needed")}; {starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {(input.EndsOn is { } e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no end")}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return agreement;
    }

    /// <summary>
    /// Records that a person gave (<paramref name="given"/>) or withdrew consent to a consent-based agreement on
    /// <paramref name="on"/>, replacing the word before. Refuses an agreement that does not need consent, a person of
    /// another locality and a day still to come. Audited, referring to the person without copying anything about them.
    /// </summary>
    public static async Task RecordConsentAsync(LocalFlowDb db, int agreementId, Guid personId, bool given, DateOnly on, CancellationToken ct = default)
    {
        var agreement = await db.SharingAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agreementId, ct)
            ?? throw new SharingInputException("Agreement", "Choose the agreement");
        if (!agreement.ConsentBased)
        {
            throw new SharingInputException("Agreement", "This agreement does not need consent");
        }
        if (!await db.People.AnyAsync(p => p.Id == personId && p.LocalityId == agreement.LocalityId, ct))
        {
            throw new SharingInputException("Agreement", "The person is not in the agreement's locality");
        }
        if (on > Today(db.Clock))
        {
            throw new SharingInputException("On", "The date must be today or in the past");
        }
        var consent = await db.SharingConsents.SingleOrDefaultAsync(c => c.AgreementId == agreementId && c.PersonId == personId, ct)
            ?? db.SharingConsents.Add(new SharingConsent { LocalityId = agreement.LocalityId, AgreementId = agreementId, PersonId = personId, RecordedBy = db.Actor.UserName }).Entity;
        consent.Given = given;
        consent.On = on;
        consent.RecordedBy = db.Actor.UserName;
        consent.RecordedUtc = db.Clock.GetUtcNow().UtcDateTime;
        AuditTrail.Add(db, AuditEventType.SharingConsentRecorded, AuditOperation.Update, nameof(Person), personId.ToString(), agreement.LocalityId,
            $"Agreement {agreementId.ToString(CultureInfo.InvariantCulture)}: consent {(given ? "given" : "withdrawn")} on {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A person's consents, with the agreements' names, for their page.</summary>
    public static async Task<IReadOnlyList<(SharingAgreement Agreement, SharingConsent? Consent)>> ConsentsOfAsync(LocalFlowDb db, Person person, CancellationToken ct = default)
    {
        var agreements = await db.SharingAgreements.AsNoTracking().Where(a => a.LocalityId == person.LocalityId && a.ConsentBased).OrderBy(a => a.Name).ToListAsync(ct);
        var consents = await db.SharingConsents.AsNoTracking().Where(c => c.PersonId == person.Id).ToDictionaryAsync(c => c.AgreementId, ct);
        return [.. agreements.Select(a => (a, consents.GetValueOrDefault(a.Id)))];
    }
}
