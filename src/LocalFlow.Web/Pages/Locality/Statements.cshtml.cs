using System.Globalization;
using LocalFlow.Analytics.Locality;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>A person's I statements: add them in their words, score them on a date, see them over time.</summary>
[Authorize(Policy = Policies.LocalityWork)]
public sealed class StatementsModel(LocalFlowDb db, CurrentUser current, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<PersonStatement> Statements { get; private set; } = [];
    public IStatementSeries Series { get; private set; } = IStatementSeries.Build([], []);

    /// <summary>The examples the person does not have yet.</summary>
    public IReadOnlyList<string> Offered { get; private set; } = [];

    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    [BindProperty]
    public string? OwnWords { get; set; }

    [BindProperty]
    public string? Whose { get; set; }

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public List<string?> Scores { get; set; } = [];

    [BindProperty]
    public List<Guid> StatementIds { get; set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await AuditTrail.ReadAsync(db, AuditEventType.LocalityCaseRead, nameof(Person), Person.Id.ToString(), Person.LocalityId, "I statements");
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var entries = Chosen.Select(c => ("Chosen", (string?)c)).Append(("OwnWords", OwnWords)).ToList();
        var errors = await IStatements.AddAsync(db, Person, Whose == "household", entries, current.UserName, Today);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Field, e.Message);
            }
            await AuditTrail.ReadAsync(db, AuditEventType.LocalityCaseRead, nameof(Person), Person.Id.ToString(), Person.LocalityId, "I statements");
            return Page();
        }
        TempData["Done"] = StatementsText.Added;
        return Redirect($"/Locality/Statements/{id}");
    }

    public async Task<IActionResult> OnPostScoreAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        DateOnly? on = null;
        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            on = new DateOnly(y, m, d);
        }
        var errors = new List<FieldError>();
        if (on is null && !(string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year)))
        {
            errors.Add(new FieldError("ScoredOn", StatementsText.RealDate));
        }
        var given = StatementIds.Select((sid, i) => (sid, $"Scores[{i}]", i < Scores.Count ? Scores[i] : null)).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(await IStatements.ScoreAsync(db, Person, on, given, current.UserName, clock));
        }
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Field == "ScoredOn" ? "Day" : e.Field, e.Message);
            }
            await AuditTrail.ReadAsync(db, AuditEventType.LocalityCaseRead, nameof(Person), Person.Id.ToString(), Person.LocalityId, "I statements");
            return Page();
        }
        TempData["Done"] = Text.Format(StatementsText.ScoresSaved, Text.Date(on!.Value));
        return Redirect($"/Locality/Statements/{id}#statements-radar");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid statement, int version)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var error = await IStatements.RemoveAsync(db, Person, statement, version, current.UserName);
        TempData[error is null ? "Done" : "Problem"] = error ?? StatementsText.Removed;
        return Redirect($"/Locality/Statements/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var person = await PersonInView.SeenInFullAsync(db, current.Viewer, id);
        if (person is null)
        {
            return false;
        }
        Person = person;
        (Statements, Series) = await IStatements.SeriesAsync(db, person);
        var have = Statements.Select(s => s.Words).ToHashSet(StringComparer.Ordinal);
        Offered = [.. IStatements.Examples.Where(e => !have.Contains(e))];
        return true;
    }
}
