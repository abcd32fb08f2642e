using LocalFlow.Analytics.Measures;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Measures;

namespace LocalFlow.Data.Demo;

/// <summary>
/// Northfield's saved purpose measures, one or more at each of slide 13's levels, and one experiment: the locality team
/// beginning, dated by its first household. Only the definitions are made here; every value is counted from the
/// demo's records by the engine (<see cref="PurposeMeasures"/>).
/// </summary>
internal sealed class NorthfieldMeasures : IDemoPart
{
    public int Order => 98;
    public string Name => "Purpose measures";

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        await db.SaveChangesAsync(ct);
        var locality = context.Locality.Id;
        var today = context.Today;
        var now = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var from = new DateOnly(today.Year - 2, today.Month, 1);
        const string by = "Demo";
        SavedMeasure Measure(string name, MeasureLevel level, MeasureCount counts, MeasurePeriod period, ImprovementDirection better, string owner, string purpose, string definition) => new()
        {
            LocalityId = locality,
            Name = name,
            Level = level,
            Counts = counts,
            Period = period,
            FromDate = from,
            Improvement = better,
            Owner = owner,
            Purpose = purpose,
            Definition = definition,
            UpdatedBy = by,
            UpdatedUtc = now,
        };
        var contacts = Measure("Contacts into all agencies per household", MeasureLevel.Geography, MeasureCount.ContactsPerHousehold, MeasurePeriod.Month, ImprovementDirection.LowerIsBetter,
            "Northfield locality team leader", "Households get what they need the first time, so they do not have to keep asking",
            "Each month: contact records from every agency, divided by the households with any record that month. A contact is any record of kind Contact, whoever made it.");
        var reReferrals = Measure("Re-referrals", MeasureLevel.Strategic, MeasureCount.ReReferralRate, MeasurePeriod.Quarter, ImprovementDirection.LowerIsBetter,
            "Commissioner for adult social care", "People are not passed back into the system for the same need",
            "Each quarter: referrals of a person already referred in the 365 days before, as a share of all the quarter's referrals, every agency.");
        var cost = Measure("Cost per household", MeasureLevel.Strategic, MeasureCount.CostPerHousehold, MeasurePeriod.Quarter, ImprovementDirection.LowerIsBetter,
            "Commissioner for adult social care", "Money is spent on what matters to people, not on passing them round",
            "Each quarter: the cost of every record (its own cost, else the unit-cost catalogue's), divided by the households with any record that quarter.");
        var continuity = Measure("Continuity of worker", MeasureLevel.Individual, MeasureCount.SameWorkerShare, MeasurePeriod.Quarter, ImprovementDirection.HigherIsBetter,
            "Northfield locality team leader", "People see someone they already know, who knows their story",
            "Each quarter: records with a named worker where the person had seen that worker before, as a share of all records with a named worker.");
        db.SavedMeasures.AddRange(contacts, reReferrals, cost, continuity);
        await db.SaveChangesAsync(ct);

        // Locality working began with the team's first household; without a team, nine months ago.
        var began = await new SavedMeasures(db).LocalityWorkingBeganAsync(locality, ct) ?? today.AddMonths(-9);
        db.Experiments.Add(new Experiment
        {
            LocalityId = locality,
            MeasureId = contacts.Id,
            Change = "Locality working: one key worker per household, from first contact to need met",
            ForWhom = "Households the Northfield locality team took on",
            StartedOn = began,
            RecordedBy = by,
            RecordedUtc = now,
        });
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Create, nameof(SavedMeasure), null, locality, "Demo purpose measures: 4 measures and 1 experiment");
        await db.SaveChangesAsync(ct);
    }
}
