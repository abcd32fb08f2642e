using System.Globalization;
using LocalFlow.Analytics.Economics;
using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Economics;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Resources;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>A line of money as typed into the form (or read from a CSV row), with the version it was read at.</summary>
public sealed class MoneyInput
{
    public string? Partner { get; set; }
    public string? Body { get; set; }
    public string? Purpose { get; set; }
    public string? Amount { get; set; }
    public string? PriceYear { get; set; }
    public string? Period { get; set; }
    public string? Note { get; set; }
    /// <summary>The first and last stage of the user pathway it is placed on, by name (<see cref="LifeStage"/>); both optional.</summary>
    public string? FirstStage { get; set; }
    public string? LastStage { get; set; }
    public int Version { get; set; }

    public static MoneyInput From(ResourceMoney m) => new()
    {
        FirstStage = m.FirstStage?.ToString(),
        LastStage = m.LastStage?.ToString(),
        Partner = ResourceDatabase.Code(m.Partner),
        Body = m.Body,
        Purpose = m.Purpose,
        Amount = m.Amount.ToString("0.00", CultureInfo.InvariantCulture),
        PriceYear = m.PriceYear.ToString(CultureInfo.InvariantCulture),
        Period = ResourceDatabase.Code(m.Period),
        Note = m.Note,
        Version = m.Version,
    };
}

/// <summary>A building or asset as typed into the form or a CSV row, with the version it was read at.</summary>
public sealed class BuildingInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Owner { get; set; }
    public string? Place { get; set; }
    public string? OpeningHours { get; set; }
    public string? Capacity { get; set; }
    public string? UsedBy { get; set; }
    /// <summary>The first and last stage of the user pathway it is placed on, by name (<see cref="LifeStage"/>); both optional.</summary>
    public string? FirstStage { get; set; }
    public string? LastStage { get; set; }
    public int Version { get; set; }

    public static BuildingInput From(ResourceBuilding b) => new()
    {
        Name = b.Name,
        Kind = b.Kind,
        Owner = ResourceDatabase.Code(b.Owner),
        Place = b.Place,
        OpeningHours = b.OpeningHours,
        Capacity = b.Capacity?.ToString(CultureInfo.InvariantCulture),
        UsedBy = b.UsedBy,
        FirstStage = b.FirstStage?.ToString(),
        LastStage = b.LastStage?.ToString(),
        Version = b.Version,
    };
}

/// <summary>The outcome of saving a building: saved, or refused because someone else saved first (with what they saved).</summary>
public sealed record BuildingSave(bool Saved, ResourceBuilding Current);

/// <summary>The outcome of saving a line of money: saved, or refused because someone else saved first (with what they saved).</summary>
public sealed record MoneySave(bool Saved, ResourceMoney Current);

/// <summary>
/// The resource database: money by partner and purpose, buildings and assets, and what the workforce is missing.
/// One set of checks serves the form and the CSV import, so both refuse the same things with the same words.
/// </summary>
public static class ResourceDatabase
{
    /// <summary>The words a partner is written as in a form's value and a CSV cell.</summary>
    public static readonly IReadOnlyList<(FundingPartner Partner, string Code)> Partners =
    [
        (FundingPartner.Council, "council"), (FundingPartner.Nhs, "nhs"), (FundingPartner.Police, "police"), (FundingPartner.Schools, "schools"),
        (FundingPartner.Benefits, "benefits"), (FundingPartner.Citizens, "citizens"), (FundingPartner.Other, "other"),
    ];

    /// <summary>The words a period is written as in a form's value and a CSV cell.</summary>
    public static readonly IReadOnlyList<(MoneyPeriod Period, string Code)> Periods =
    [
        (MoneyPeriod.PerYear, "year"), (MoneyPeriod.PerMonth, "month"), (MoneyPeriod.PerWeek, "week"), (MoneyPeriod.OneOff, "one-off"),
    ];

    public const int EarliestPriceYear = 1990;

    /// <summary>
    /// Checks where a line of money or a building is placed on the user pathway: a stage named as <see cref="LifeStage"/>
    /// is (case ignored), the last stage optional (none: the first only) and not before the first. Problems go under
    /// first_stage and last_stage.
    /// </summary>
    public static (LifeStage? First, LifeStage? Last) CheckStages(string? firstText, string? lastText, Dictionary<string, string> errors)
    {
        static bool Parse(string text, out LifeStage stage)
            => Enum.TryParse(text, ignoreCase: true, out stage) && Enum.IsDefined(stage) && !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        var names = string.Join(", ", Enum.GetNames<LifeStage>());
        var f = (firstText ?? "").Trim();
        var l = (lastText ?? "").Trim();
        LifeStage? first = null, last = null;
        if (f.Length > 0)
        {
            if (Parse(f, out var fs))
            {
                first = fs;
            }
            else
            {
                errors["first_stage"] = $"\"{f}\" is not a stage of life: use one of {names}.";
            }
        }
        if (l.Length > 0)
        {
            if (!Parse(l, out var ls))
            {
                errors["last_stage"] = $"\"{l}\" is not a stage of life: use one of {names}.";
            }
            else if (f.Length == 0)
            {
                errors["last_stage"] = "Choose the first stage of life too, or leave both empty.";
            }
            else if (first is LifeStage fs && ls < fs)
            {
                errors["last_stage"] = "The last stage of life must be the first stage or a later one.";
            }
            else
            {
                last = ls;
            }
        }
        return (first, first is null ? null : last ?? first);
    }

    public static string Code(FundingPartner p) => Partners.First(x => x.Partner == p).Code;
    public static string Code(MoneyPeriod p) => Periods.First(x => x.Period == p).Code;

    /// <summary>The locality's money, largest first within each partner.</summary>
    public static Task<List<ResourceMoney>> MoneyAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
        => db.ResourceMoney.AsNoTracking().Where(m => m.LocalityId == localityId)
            .OrderBy(m => m.Partner).ThenByDescending(m => m.Amount).ThenBy(m => m.Purpose).ThenBy(m => m.Id).ToListAsync(ct);

    /// <summary>The locality's buildings and assets, by name.</summary>
    public static Task<List<ResourceBuilding>> BuildingsAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
        => db.ResourceBuildings.AsNoTracking().Where(b => b.LocalityId == localityId).OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);

    /// <summary>
    /// The locality's money added up by partner and purpose, at the latest year of the price index (or, with no index,
    /// the latest price year of the lines, when only lines of that year can be added).
    /// </summary>
    public static async Task<MoneyTotals> TotalsAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var lines = (await MoneyAsync(db, localityId, ct)).Select(m => new MoneyLine(m.Partner, m.Purpose, m.Amount, m.PriceYear, m.Period)).ToList();
        var index = await CohortCosts.IndexAsync(db, ct);
        if (index.Years.Count == 0)
        {
            var year = lines.Count == 0 ? db.Clock.GetUtcNow().Year : lines.Max(l => l.PriceYear);
            return ResourceTotals.Of(lines, new PriceIndex([(year, 100m)]), year);
        }
        return ResourceTotals.Of(lines, index, index.Years.Max());
    }

    /// <summary>
    /// Checks a line of money. Returns the problems by field (the CSV's column names: partner, purpose, amount,
    /// price_year, period, body, note), or none and the line's values.
    /// </summary>
    public static Dictionary<string, string> Check(MoneyInput input, int thisYear, out ResourceMoney? checkedLine)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        checkedLine = null;
        var partner = Partners.Where(p => string.Equals(p.Code, input.Partner?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(p => (FundingPartner?)p.Partner).FirstOrDefault();
        if (partner is null)
        {
            errors["partner"] = $"Choose the partner: one of {string.Join(", ", Partners.Select(p => p.Code))}.";
        }
        var purpose = (input.Purpose ?? "").Trim();
        if (purpose.Length == 0)
        {
            errors["purpose"] = "Enter what the money is spent on, for example \"Home care\".";
        }
        else if (purpose.Length > 200)
        {
            errors["purpose"] = $"The purpose must be 200 characters or fewer; it is {purpose.Length}.";
        }
        var amountText = (input.Amount ?? "").Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        decimal amount = 0;
        if (amountText.Length == 0)
        {
            errors["amount"] = "Enter the amount in pounds, for example 250000.";
        }
        else if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount))
        {
            errors["amount"] = $"\"{input.Amount}\" is not an amount in pounds: write it as digits, for example 250000 or 1250.50.";
        }
        else if (amount < 0)
        {
            errors["amount"] = "The amount cannot be negative.";
        }
        else if (amount >= 1_000_000_000_000m || decimal.Round(amount, 2) != amount)
        {
            errors["amount"] = "The amount must be under £1 trillion, in pounds and pence (at most 2 decimal places).";
        }
        var yearText = (input.PriceYear ?? "").Trim();
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var priceYear) || priceYear < EarliestPriceYear || priceYear > thisYear)
        {
            errors["price_year"] = yearText.Length == 0
                ? "Enter the price year the amount is in, for example 2025."
                : $"The price year must be a year from {EarliestPriceYear} to {thisYear}; \"{yearText}\" is not.";
        }
        var period = Periods.Where(p => string.Equals(p.Code, input.Period?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(p => (MoneyPeriod?)p.Period).FirstOrDefault();
        if (period is null)
        {
            errors["period"] = $"Choose how often it is spent: one of {string.Join(", ", Periods.Select(p => p.Code))}.";
        }
        var body = (input.Body ?? "").Trim();
        if (body.Length > 200)
        {
            errors["body"] = $"Who spends it must be 200 characters or fewer; it is {body.Length}.";
        }
        var note = (input.Note ?? "").Trim();
        if (note.Length > 500)
        {
            errors["note"] = $"The note must be 500 characters or fewer; it is {note.Length}.";
        }
        var (first, last) = CheckStages(input.FirstStage, input.LastStage, errors);
        if (errors.Count == 0)
        {
            checkedLine = new ResourceMoney { Partner = partner!.Value, Body = body, Purpose = purpose, Amount = amount, PriceYear = priceYear, Period = period!.Value, Note = note, UpdatedBy = "", FirstStage = first, LastStage = last };
        }
        return errors;
    }

    /// <summary>Checks a building or asset; the problems by field (the CSV's column names), or none and its values.</summary>
    public static Dictionary<string, string> Check(BuildingInput input, out ResourceBuilding? checkedBuilding)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        checkedBuilding = null;
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors["name"] = "Enter the building's or asset's name.";
        }
        var owner = Partners.Where(p => string.Equals(p.Code, input.Owner?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(p => (FundingPartner?)p.Partner).FirstOrDefault();
        if (owner is null)
        {
            errors["owner"] = $"Choose who owns it: one of {string.Join(", ", Partners.Select(p => p.Code))}.";
        }
        int? capacity = null;
        var capacityText = (input.Capacity ?? "").Trim();
        if (capacityText.Length > 0)
        {
            if (int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 100_000)
            {
                capacity = c;
            }
            else
            {
                errors["capacity"] = $"The capacity is how many people it holds at once, a whole number from 1 to 100,000; \"{capacityText}\" is not.";
            }
        }
        foreach (var (field, value, max) in new[] { ("name", name, 200), ("kind", input.Kind, 200), ("place", input.Place, 300), ("opening_hours", input.OpeningHours, 300), ("used_by", input.UsedBy, 1000) })
        {
            if ((value ?? "").Trim().Length > max && !errors.ContainsKey(field))
            {
                errors[field] = $"The {field.Replace('_', ' ')} must be {max} characters or fewer.";
            }
        }
        var (first, last) = CheckStages(input.FirstStage, input.LastStage, errors);
        if (errors.Count == 0)
        {
            checkedBuilding = new ResourceBuilding
            {
                FirstStage = first,
                LastStage = last,
                Name = name,
                Kind = (input.Kind ?? "").Trim(),
                Owner = owner!.Value,
                Place = (input.Place ?? "").Trim(),
                OpeningHours = (input.OpeningHours ?? "").Trim(),
                Capacity = capacity,
                UsedBy = (input.UsedBy ?? "").Trim(),
                UpdatedBy = "",
            };
        }
        return errors;
    }

    /// <summary>
    /// Adds a line of money (<paramref name="id"/> null) or changes one. A change made from an older version than the
    /// stored one is refused and the stored line comes back, so the form shows both and keeps what was typed.
    /// Null when the line is not in the locality.
    /// </summary>
    /// <exception cref="RedesignInputException">A field is missing or wrong (every problem, by field).</exception>
    public static async Task<MoneySave?> SaveMoneyAsync(LocalFlowDb db, int localityId, Guid? id, MoneyInput input, string by, CancellationToken ct = default)
    {
        ResourceMoney? stored = null;
        if (id is Guid g && (stored = await db.ResourceMoney.SingleOrDefaultAsync(m => m.LocalityId == localityId && m.Id == g, ct)) is null)
        {
            return null;
        }
        if (stored is not null && stored.Version != input.Version)
        {
            return new(false, stored);
        }
        var errors = Check(input, db.Clock.GetUtcNow().Year, out var line);
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        var m = stored ?? db.ResourceMoney.Add(new ResourceMoney { LocalityId = localityId, Purpose = "", UpdatedBy = by }).Entity;
        m.Partner = line!.Partner;
        m.Body = line.Body;
        m.Purpose = line.Purpose;
        m.Amount = line.Amount;
        m.PriceYear = line.PriceYear;
        m.Period = line.Period;
        m.Note = line.Note;
        m.FirstStage = line.FirstStage;
        m.LastStage = line.LastStage;
        m.UpdatedBy = by;
        m.UpdatedUtc = db.Clock.GetUtcNow().UtcDateTime;
        m.Version++;
        var (saved, current) = await SaveOrReloadAsync(db, m, m.Id, ct);
        return new(saved, current);
    }

    /// <summary>Saves a versioned row; when someone else saved it first, nothing is saved and their row comes back.</summary>
    internal static async Task<(bool Saved, T Current)> SaveOrReloadAsync<T, TKey>(LocalFlowDb db, T row, TKey id, CancellationToken ct) where T : class where TKey : notnull
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return (true, row);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<T>().FindAsync([id], ct) ?? throw new InvalidOperationException($"The {typeof(T).Name} {id} was removed while it was saved.");
            db.Entry(current).State = EntityState.Detached;
            return (false, current);
        }
    }

    /// <summary>
    /// Adds a building or asset (<paramref name="id"/> null) or changes one, as <see cref="SaveMoneyAsync"/> does a line
    /// of money: a change from an older version is refused with the stored building. Null when it is not the locality's.
    /// </summary>
    /// <exception cref="RedesignInputException">A field is missing or wrong (every problem, by field).</exception>
    public static async Task<BuildingSave?> SaveBuildingAsync(LocalFlowDb db, int localityId, Guid? id, BuildingInput input, string by, CancellationToken ct = default)
    {
        ResourceBuilding? stored = null;
        if (id is Guid g && (stored = await db.ResourceBuildings.SingleOrDefaultAsync(b => b.LocalityId == localityId && b.Id == g, ct)) is null)
        {
            return null;
        }
        if (stored is not null && stored.Version != input.Version)
        {
            return new(false, stored);
        }
        var errors = Check(input, out var building);
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        var b = stored ?? db.ResourceBuildings.Add(new ResourceBuilding { LocalityId = localityId, Name = "", UpdatedBy = by }).Entity;
        b.Name = building!.Name;
        b.Kind = building.Kind;
        b.Owner = building.Owner;
        b.Place = building.Place;
        b.OpeningHours = building.OpeningHours;
        b.Capacity = building.Capacity;
        b.UsedBy = building.UsedBy;
        b.FirstStage = building.FirstStage;
        b.LastStage = building.LastStage;
        b.UpdatedBy = by;
        b.UpdatedUtc = db.Clock.GetUtcNow().UtcDateTime;
        b.Version++;
        var (saved, current) = await SaveOrReloadAsync(db, b, b.Id, ct);
        return new(saved, current);
    }

    /// <summary>Removes a building or asset of the locality; false when there is none.</summary>
    public static async Task<bool> RemoveBuildingAsync(LocalFlowDb db, int localityId, Guid id, CancellationToken ct = default)
        => await db.ResourceBuildings.Where(b => b.LocalityId == localityId && b.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Removes a line of money of the locality; false when there is none.</summary>
    public static async Task<bool> RemoveMoneyAsync(LocalFlowDb db, int localityId, Guid id, CancellationToken ct = default)
        => await db.ResourceMoney.Where(m => m.LocalityId == localityId && m.Id == id).ExecuteDeleteAsync(ct) > 0;
}

/// <summary>What the workforce is missing, as typed into the form, with the version it was read at.</summary>
public sealed class GapInput
{
    public string? Skill { get; set; }
    /// <summary>The agency that would hold the skill, by id; empty for none yet.</summary>
    public string? Agency { get; set; }
    public string? People { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public static GapInput From(WorkforceGap g) => new()
    {
        Skill = g.Skill,
        Agency = g.AgencyId?.ToString(CultureInfo.InvariantCulture),
        People = g.People.ToString(CultureInfo.InvariantCulture),
        Note = g.Note,
        Version = g.Version,
    };
}

/// <summary>The outcome of saving a workforce gap: saved, or refused because someone else saved first (with what they saved).</summary>
public sealed record GapSave(bool Saved, WorkforceGap Current);

/// <summary>
/// What the workforce is missing (a skill, the agency that would hold it, how many people), added, changed and removed
/// one at a time as buildings are: a change from an older version is refused with the stored gap, and every change is
/// audited as a change of the programme's reference data.
/// </summary>
public static class WorkforceGaps
{
    /// <summary>The most people one gap may name: more is a typing slip, not a gap in one area.</summary>
    public const int MostPeople = 10_000;

    /// <summary>Checks a gap; the problems by field (skill, agency, people, note), or none and its values.</summary>
    public static Dictionary<string, string> Check(GapInput input, IReadOnlyCollection<int> agencyIds, out WorkforceGap? checkedGap)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        checkedGap = null;
        var skill = (input.Skill ?? "").Trim();
        if (skill.Length == 0)
        {
            errors["skill"] = DataText.GapSkillRequired;
        }
        else if (skill.Length > 200)
        {
            errors["skill"] = DataText.GapSkillTooLong(skill.Length);
        }
        int? agency = null;
        var agencyText = (input.Agency ?? "").Trim();
        if (agencyText.Length > 0)
        {
            if (int.TryParse(agencyText, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && agencyIds.Contains(a))
            {
                agency = a;
            }
            else
            {
                errors["agency"] = DataText.GapAgencyFromList;
            }
        }
        var peopleText = (input.People ?? "").Trim();
        var people = 0;
        if (peopleText.Length == 0)
        {
            errors["people"] = DataText.GapPeopleRequired;
        }
        else if (!int.TryParse(peopleText, NumberStyles.None, CultureInfo.InvariantCulture, out people) || people < 1 || people > MostPeople)
        {
            errors["people"] = DataText.GapPeopleRange(MostPeople, peopleText);
        }
        var note = (input.Note ?? "").Trim();
        if (note.Length > 500)
        {
            errors["note"] = DataText.GapNoteTooLong(note.Length);
        }
        if (errors.Count == 0)
        {
            checkedGap = new WorkforceGap { Skill = skill, AgencyId = agency, People = people, Note = note };
        }
        return errors;
    }

    /// <summary>The locality's workforce gaps with the name of the agency that would hold each (null: none yet), by skill.</summary>
    public static async Task<List<(string? Agency, WorkforceGap Gap)>> ListAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
        => (await db.WorkforceGaps.AsNoTracking().Where(g => g.LocalityId == localityId)
                .Select(g => new { Agency = db.Agencies.Where(a => a.Id == g.AgencyId).Select(a => a.Name).FirstOrDefault(), Gap = g }).ToListAsync(ct))
            .OrderBy(g => g.Gap.Skill, StringComparer.Ordinal).ThenBy(g => g.Gap.Id).Select(g => (g.Agency, g.Gap)).ToList();

    /// <summary>
    /// Adds a gap (<paramref name="id"/> null) or changes one. A change made from an older version than the stored one
    /// is refused and the stored gap comes back, so the form shows both and keeps what was typed. Null when the gap is
    /// not in the locality.
    /// </summary>
    /// <exception cref="RedesignInputException">A field is missing or wrong (every problem, by field).</exception>
    public static async Task<GapSave?> SaveAsync(LocalFlowDb db, int localityId, int? id, GapInput input, string by, CancellationToken ct = default)
    {
        WorkforceGap? stored = null;
        if (id is int g && (stored = await db.WorkforceGaps.SingleOrDefaultAsync(x => x.LocalityId == localityId && x.Id == g, ct)) is null)
        {
            return null;
        }
        if (stored is not null && stored.Version != input.Version)
        {
            return new(false, stored);
        }
        var agencies = await db.Agencies.AsNoTracking().Select(a => a.Id).ToListAsync(ct);
        var errors = Check(input, agencies, out var gap);
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        var row = stored ?? db.WorkforceGaps.Add(new WorkforceGap { LocalityId = localityId, Skill = "" }).Entity;
        row.Skill = gap!.Skill;
        row.AgencyId = gap.AgencyId;
        row.People = gap.People;
        row.Note = gap.Note;
        row.UpdatedBy = by;
        row.Version++;
        if (stored is null)
        {
            await db.SaveChangesAsync(ct);
        }
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, stored is null ? AuditOperation.Create : AuditOperation.Update,
            nameof(WorkforceGap), row.Id.ToString(CultureInfo.InvariantCulture), localityId, $"workforce gap \"{row.Skill}\"");
        var (saved, current) = await ResourceDatabase.SaveOrReloadAsync(db, row, row.Id, ct);
        return new(saved, current);
    }

    /// <summary>Removes a workforce gap of the locality, audited; false when there is none.</summary>
    public static async Task<bool> RemoveAsync(LocalFlowDb db, int localityId, int id, CancellationToken ct = default)
    {
        if (await db.WorkforceGaps.SingleOrDefaultAsync(g => g.LocalityId == localityId && g.Id == id, ct) is not { } gap)
        {
            return false;
        }
        db.WorkforceGaps.Remove(gap);
        AuditTrail.Add(db, AuditEventType.ReferenceDataChanged, AuditOperation.Delete, nameof(WorkforceGap), id.ToString(CultureInfo.InvariantCulture), localityId, $"workforce gap \"{gap.Skill}\"");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
