using System.Globalization;
using LocalFlow.Analytics;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Flow;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Charts;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// Every failure-demand signal the engine finds in the stored records (<see cref="FlowAnalyzer.AllSignals"/>, with
/// the locality's windows), filtered by kind, agency, date and person, a page at a time: each with its person, the
/// records that raised it and what was found. Restricted people are left out and counted; every page is audited.
/// </summary>
[Authorize(Policy = Policies.FlowStudy)]
public sealed class SignalsModel(LocalFlowDb db, CurrentUser current, FlowEngines engines) : PageModel
{
    public const int PageSize = 25;

    public sealed record SignalRecord(Guid Id, DateTime StartUtc, string Agency, string What);

    private sealed record Dated(FlowSignal Signal, Guid PersonId, DateOnly Date);

    /// <summary>The signals the filters choose, newest first, with the counts per kind and of what is hidden.</summary>
    private sealed record Chosen(Dated[] Listed, int People, IReadOnlyList<(FlowSignalKind Kind, int Signals, int People)> PerKind, int HiddenSignals, int HiddenPeople);

    public sealed record Row(FlowSignalKind Kind, Guid PersonId, string PersonName, DateOnly Date, string Explanation, IReadOnlyList<SignalRecord> Records);

    [BindProperty(SupportsGet = true)]
    public FlowSignalKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int Pages { get; private set; }
    public int People { get; private set; }
    public int HiddenSignals { get; private set; }
    public int HiddenPeople { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(FlowSignalKind Kind, int Signals, int People)> PerKind { get; private set; } = [];
    public BarChart? PerKindChart { get; private set; }
    public IReadOnlyList<(int Id, string Name)> AgencyOptions { get; private set; } = [];
    public bool Filtered => Kind is not null || Agency is not null || From is not null || To is not null || !string.IsNullOrWhiteSpace(Person);

    public async Task OnGetAsync()
    {
        foreach (var key in new[] { nameof(Kind), nameof(Agency), "p" })
        {
            // Chosen from lists or links; a value edited into the address by hand is ignored.
            ModelState.Remove(key);
        }
        foreach (var (key, label) in new[] { (nameof(From), FlowCohortText.ErrorDateFrom), (nameof(To), FlowCohortText.ErrorDateTo) })
        {
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                ModelState.AddModelError(key, Text.Format(FlowCohortText.ErrorDate, label));
            }
        }
        if (From is { } f && To is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), FlowCohortText.ErrorDateOrder);
            To = null;
        }
        if (current.LocalityId is not int locality)
        {
            return;
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName);
        var flow = await engines.ForLocalityAsync(db, locality);
        var log = flow.Log;
        AgencyOptions = [.. agencies.Where(a => flow.AgencyIds.Contains(a.Key)).Select(a => (a.Key, a.Value)).OrderBy(a => a.Value, StringComparer.Ordinal)];
        var hidden = await FlowAccess.HiddenPeopleAsync(db, current, flow);

        IReadOnlySet<Guid>? people = null;
        var q = Person?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            if (Guid.TryParse(q, out var id))
            {
                people = new HashSet<Guid> { id };
            }
            else
            {
                // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
                var like = "%" + q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() + "%";
                people = (await db.People.AsNoTracking().Where(p => p.LocalityId == locality && EF.Functions.Like((p.GivenName + " " + p.FamilyName).ToLower(), like))
                    .Select(p => p.Id).ToListAsync()).ToHashSet();
            }
        }

        // Every signal with its person and date, newest first, is made once per engine (kept until the data change).
        var dated = flow.Kept("Flow/Signals:newest-first", f => f.Signals
            .Select(s => new Dated(s, f.PersonId(s.Person), FlowAccess.LocalDate(f.Log.Start(s.Events[^1]).UtcDateTime)))
            .OrderByDescending(x => x.Date).ThenBy(x => x.Signal.Kind).ThenBy(x => x.PersonId).ToArray());
        // What the filters choose is worked out once per engine, filters and restricted-or-not (kept until the data
        // change); a search by name or id is worked out on each view.
        var chosen = people is null
            ? flow.Kept(string.Create(CultureInfo.InvariantCulture, $"Flow/Signals:{Kind}:{Agency}:{From:yyyy-MM-dd}:{To:yyyy-MM-dd}:{(hidden.Count > 0 ? "hiding" : "all")}"), f => Choose(f, dated, null, hidden))
            : Choose(flow, dated, people, hidden);
        var listed = chosen.Listed;
        PerKind = chosen.PerKind;
        PerKindChart = new BarChart(FlowCohortText.SignalsOfEachKind, FlowCohortText.PerKindAbout,
            [.. PerKind.Select(k => new BarValue(FlowText.SignalName(k.Kind), k.Signals) { Href = Link(1, k.Kind) })])
        {
            Id = "signals-per-kind",
            ShowTitle = false,
            Orientation = BarOrientation.Horizontal,
            CategoryLabel = FlowCohortText.Signal,
            ValueLabel = FlowCohortText.Signals,
        };
        // Looking for a person by name or id never says whether a restricted person matched: the same answer as
        // for someone with no records, as the person page gives.
        HiddenSignals = people is null ? chosen.HiddenSignals : 0;
        HiddenPeople = people is null ? chosen.HiddenPeople : 0;
        Total = listed.Length;
        People = chosen.People;
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var page = listed.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        var ids = page.Select(x => x.PersonId).Distinct().ToList();
        // with the locality, so the lookup uses the primary key (locality_id, id) instead of scanning every person
        var names = await db.People.AsNoTracking().Where(p => p.LocalityId == locality && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName);
        // A signal is named, so its records are shown only as data sharing agreements share them with the user; a
        // signal raised partly by records they may not see says so without describing them.
        var recordIds = page.SelectMany(x => x.Signal.Events.Select(flow.RecordId)).Distinct().ToList();
        var shared = (await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == locality && recordIds.Contains(r.Id)).SharedWith(db, current.Viewer)
            .Select(r => r.Id).ToListAsync()).ToHashSet();
        Rows = [.. page.Select(x => new Row(x.Signal.Kind, x.PersonId, names.GetValueOrDefault(x.PersonId, FlowCohortText.UnknownPerson), x.Date,
            x.Signal.Events.All(i => shared.Contains(flow.RecordId(i))) ? FlowWords.Signal(x.Signal, log) : FlowCohortText.NotShared,
            [.. x.Signal.Events.Where(i => shared.Contains(flow.RecordId(i))).Select(i => new SignalRecord(flow.RecordId(i), log.Start(i).UtcDateTime, agencies.GetValueOrDefault(flow.AgencyId(i), ""), FlowText.Describe(log.Kind(i), log.Subtype(i))))]))];
        await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Person", null, locality,
            $"Flow signals{(Filtered ? " (" + Describe() + ")" : "")}: page {PageNumber}, {Plural.Of(Rows.Count, "signal")} of {Rows.Select(r => r.PersonId).Distinct().Count()} people shown");
    }

    private Chosen Choose(FlowEngine flow, Dated[] dated, IReadOnlySet<Guid>? people, IReadOnlySet<Guid> hidden)
    {
        var kinds = Enum.GetValues<FlowSignalKind>();
        var perKind = new int[kinds.Max(k => (int)k) + 1];
        var perKindPeople = perKind.Select(_ => new HashSet<Guid>()).ToArray();
        var listed = new List<Dated>();
        var listedPeople = new HashSet<Guid>();
        var hiddenSignals = 0;
        var hiddenPeople = new HashSet<Guid>();
        // one pass in the kept order: the list stays newest first
        foreach (var x in dated)
        {
            if ((people is not null && !people.Contains(x.PersonId)) || (From is not null && x.Date < From) || (To is not null && x.Date > To)
                || (Agency is int agency && !x.Signal.Events.Any(i => flow.AgencyId(i) == agency)))
            {
                continue;
            }
            var isHidden = hidden.Contains(x.PersonId);
            if (!isHidden)
            {
                perKind[(int)x.Signal.Kind]++;
                perKindPeople[(int)x.Signal.Kind].Add(x.PersonId);
            }
            if (Kind is not null && x.Signal.Kind != Kind)
            {
                continue;
            }
            if (isHidden)
            {
                hiddenSignals++;
                hiddenPeople.Add(x.PersonId);
            }
            else
            {
                listed.Add(x);
                listedPeople.Add(x.PersonId);
            }
        }
        return new Chosen([.. listed], listedPeople.Count, [.. kinds.Select(k => (k, perKind[(int)k], perKindPeople[(int)k].Count))], hiddenSignals, hiddenPeople.Count);
    }

    private string Describe() => string.Join(", ", new[]
    {
        Kind is { } k ? "kind " + k : null,
        Agency is { } a ? "agency " + a.ToString(CultureInfo.InvariantCulture) : null,
        From is { } f ? "from " + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        To is { } t ? "to " + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        string.IsNullOrWhiteSpace(Person) ? null : $"person \"{Person.Trim()}\"",
    }.Where(s => s is not null));

    /// <summary>This list's address with the filters kept, at page <paramref name="page"/> (and another kind, when given).</summary>
    public string Link(int page, FlowSignalKind? kind = null)
    {
        var parts = new List<string>();
        if ((kind ?? Kind) is { } k)
        {
            parts.Add("kind=" + k);
        }
        if (Agency is { } a)
        {
            parts.Add("agency=" + a.ToString(CultureInfo.InvariantCulture));
        }
        if (From is { } f)
        {
            parts.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (To is { } t)
        {
            parts.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrWhiteSpace(Person))
        {
            parts.Add("person=" + Uri.EscapeDataString(Person.Trim()));
        }
        if (page > 1)
        {
            parts.Add("p=" + page.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "/Flow/Signals" : "/Flow/Signals?" + string.Join('&', parts);
    }

    public static string DateValue(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
