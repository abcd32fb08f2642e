using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages;

/// <summary>
/// The search in the header: people (only for roles that may see people, never a restricted person unless the user
/// may see restricted records: the one visibility rule, Visibility, decides, in every locality the user works in), demand studies, demand types and system conditions of the
/// user's localities, each linking only to a page the user may open. A search that shows people is audited.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SearchModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    public const int MaxEach = 20;

    public sealed record Hit(string Text, string? Href, string? Detail);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public string? Error { get; private set; }
    public IReadOnlyList<Hit> People { get; private set; } = [];
    public IReadOnlyList<Hit> Studies { get; private set; } = [];
    public IReadOnlyList<Hit> Types { get; private set; } = [];
    public IReadOnlyList<Hit> Conditions { get; private set; } = [];
    public bool Searched { get; private set; }
    public int Total => People.Count + Studies.Count + Types.Count + Conditions.Count;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Q?.Trim();
        if (q is null)
        {
            return;
        }
        if (q.Length < 2)
        {
            Error = SearchText.TooShort;
            return;
        }
        Searched = true;
        // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
        var like = "%" + q.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() + "%";
        var localities = current.LocalityIds;

        var peopleHref = Policies.Allows(User, Policies.PeopleRead) ? "/Locality/Person/" : Policies.Allows(User, Policies.FlowStudy) ? "/Flow/Person/" : null;
        if (peopleHref is not null)
        {
            // Every locality the user works in, through the one visibility rule (restricted people are left out in SQL).
            var found = await db.People.AsNoTracking().SeenInFull(db, current.Viewer)
                .Where(p => EF.Functions.Like((p.GivenName + " " + p.FamilyName).ToLower(), like))
                .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
                .Select(p => new { p.Id, p.LocalityId, p.GivenName, p.FamilyName, p.DateOfBirth })
                .Take(MaxEach).ToListAsync(ct);
            People = [.. found.Select(p => new Hit(p.GivenName + " " + p.FamilyName, peopleHref + p.Id, p.DateOfBirth is DateOnly d ? SearchText.BornOn(d) : null))];
            foreach (var shown in found.GroupBy(p => p.LocalityId))
            {
                await AuditTrail.ReadAsync(db, AuditEventType.PersonalDataListed, "Person", null, shown.Key, $"Site search ({AuditReference.Search(q)}): {shown.Count()} shown", ct: ct);
            }
        }

        if (Policies.Allows(User, Policies.DemandBoard))
        {
            var analyse = Policies.Allows(User, Policies.DemandAnalyse);
            var studies = await db.DemandStudies.AsNoTracking().Where(s => localities.Contains(s.LocalityId))
                .Where(s => EF.Functions.Like(s.Service.ToLower(), like) || EF.Functions.Like(s.Purpose.ToLower(), like))
                .OrderBy(s => s.Service).Take(MaxEach).ToListAsync(ct);
            Studies = [.. studies.Select(s => new Hit(s.Service, (analyse ? "/Demand/Analysis/" : "/Demand/Board/") + s.Id, SearchText.StartedOn(s.StartsOn)))];
        }

        if (Policies.Allows(User, Policies.DemandAnalyse))
        {
            var study = Policies.Allows(User, Policies.DemandStudy);
            var types = await db.DemandTypes.AsNoTracking().Where(t => t.MergedIntoId == null)
                .Join(db.DemandStudies.Where(s => localities.Contains(s.LocalityId)), t => t.StudyId, s => s.Id, (t, s) => new { t.Id, t.Name, t.Description, StudyId = s.Id, s.Service })
                .Where(t => EF.Functions.Like(t.Name.ToLower(), like) || EF.Functions.Like(t.Description.ToLower(), like))
                .OrderBy(t => t.Name).Take(MaxEach).ToListAsync(ct);
            Types = [.. types.Select(t => new Hit(t.Name, study ? $"/Demand/Type/{t.StudyId}/{t.Id}" : $"/Demand/Analysis/{t.StudyId}", SearchText.InStudyOf(t.Service)))];
        }

        if (Policies.Allows(User, Policies.ConditionsRead))
        {
            var conditions = await db.SystemConditions.AsNoTracking().Where(c => localities.Contains(c.LocalityId))
                .Where(c => EF.Functions.Like(c.Title.ToLower(), like) || EF.Functions.Like(c.Finding.ToLower(), like))
                .OrderBy(c => c.Title).Take(MaxEach).ToListAsync(ct);
            Conditions = [.. conditions.Select(c => new Hit(c.Title, "/Conditions/Condition/" + c.Id, null))];
        }
    }
}
