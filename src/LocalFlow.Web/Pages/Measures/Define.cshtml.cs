using System.Globalization;
using LocalFlow.Analytics.Measures;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Measures;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Measures;

/// <summary>
/// Define a purpose measure, or change one (<c>?id=</c>): what it counts from the records, how often, from when and
/// which agency's records, its purpose, owner, level and operational definition. No target can be entered: there is
/// no field for one. Every save is audited and raises the measure's version.
/// </summary>
[Authorize(Policy = Policies.MeasuresDefine)]
public sealed class DefineModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? Counts { get; set; }
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public string? Definition { get; set; }
    [BindProperty] public string? Improvement { get; set; }

    public DateOnly? From { get; private set; }
    public IReadOnlyList<(string Value, string Text)> AgencyOptions { get; private set; } = [];
    public IFormCollection? Typed => Request.HasFormContentType ? Request.Form : null;
    public int? Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        await OptionsAsync(ct);
        if (Id is int id)
        {
            var m = await db.SavedMeasures.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.LocalityId == locality, ct);
            if (m is null)
            {
                return NotFound();
            }
            (Name, Purpose, Owner, Level, Counts, Period, Agency, Definition, Improvement, From, Version) =
                (m.Name, m.Purpose, m.Owner, m.Level.ToString(), m.Counts.ToString(), m.Period.ToString(), m.AgencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Definition, Direction(m.Improvement), m.FromDate, m.Version);
        }
        else
        {
            var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
            From = new DateOnly(today.Year - 2, 1, 1);
            Period = nameof(MeasurePeriod.Month);
            Improvement = "neither";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (current.LocalityId is not int locality)
        {
            return NotFound();
        }
        await OptionsAsync(ct);
        if (Id is int id && !await db.SavedMeasures.AnyAsync(x => x.Id == id && x.LocalityId == locality, ct))
        {
            return NotFound();
        }
        Required(Name, nameof(Name), PurposeMeasureText.EnterName, 200);
        Required(Purpose, nameof(Purpose), PurposeMeasureText.EnterPurpose, 2000);
        Required(Owner, nameof(Owner), PurposeMeasureText.EnterOwner, 200);
        Required(Definition, nameof(Definition), PurposeMeasureText.EnterDefinition, 4000);
        var level = Parse<MeasureLevel>(Level, nameof(Level), PurposeMeasureText.ChooseLevel);
        var counts = Parse<MeasureCount>(Counts, nameof(Counts), PurposeMeasureText.ChooseCounts);
        var period = Parse<MeasurePeriod>(Period, nameof(Period), PurposeMeasureText.ChoosePeriod);
        var direction = Improvement switch
        {
            "up" => ImprovementDirection.HigherIsBetter,
            "down" => ImprovementDirection.LowerIsBetter,
            "neither" => ImprovementDirection.Neither,
            _ => (ImprovementDirection?)null,
        };
        if (direction is null)
        {
            ModelState.AddModelError(nameof(Improvement), PurposeMeasureText.ChooseWay);
        }
        int? agency = null;
        if (!string.IsNullOrEmpty(Agency))
        {
            if (AgencyOptions.Any(a => a.Value == Agency))
            {
                agency = int.Parse(Agency, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                ModelState.AddModelError(nameof(Agency), PurposeMeasureText.ChooseAgency);
            }
        }
        var (from, empty) = Gov.ReadDate(Request.Form, "From");
        var today = DateOnly.FromDateTime(Gov.ToLondon(clock.GetUtcNow().UtcDateTime));
        if (from is null)
        {
            ModelState.AddModelError("From", empty ? PurposeMeasureText.EnterFrom : PurposeMeasureText.FromAsDate);
        }
        else if (from > today)
        {
            ModelState.AddModelError("From", PurposeMeasureText.FromPast);
        }
        if (Name is { Length: > 0 } && await db.SavedMeasures.AnyAsync(x => x.LocalityId == locality && x.Name == Name.Trim() && x.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError(nameof(Name), Text.Format(PurposeMeasureText.NameTaken, Name.Trim()));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var saved = await new SavedMeasures(db).SaveAsync(new SavedMeasure
        {
            Id = Id ?? 0,
            LocalityId = locality,
            Name = Name!.Trim(),
            Purpose = Purpose!.Trim(),
            Owner = Owner!.Trim(),
            Level = level!.Value,
            Counts = counts!.Value,
            Period = period!.Value,
            FromDate = from!.Value,
            AgencyId = agency,
            Definition = Definition!.Trim(),
            Improvement = direction!.Value,
        }, current.UserName, ct);
        TempData["Done"] = Id is null ? Text.Format(PurposeMeasureText.MeasureSaved, saved!.Name) : Text.Format(PurposeMeasureText.MeasureChanged, saved!.Name, saved.Version);
        return Redirect($"/Measures/Measure/{saved.Id}");
    }

    private void Required(string? value, string key, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, message);
        }
        else if (value.Trim().Length > max)
        {
            ModelState.AddModelError(key, Text.Format(PurposeMeasureText.TooLong, max.ToString("N0", CultureInfo.CurrentCulture)));
        }
    }

    private T? Parse<T>(string? value, string key, string message) where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }
        ModelState.AddModelError(key, message);
        return null;
    }

    private static string Direction(ImprovementDirection d) => d switch
    {
        ImprovementDirection.HigherIsBetter => "up",
        ImprovementDirection.LowerIsBetter => "down",
        _ => "neither",
    };

    private async Task OptionsAsync(CancellationToken ct)
        => AgencyOptions = [.. (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name))];
}
