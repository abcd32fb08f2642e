using System.Globalization;
using LocalFlow.Analytics;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>One type: its demands in people's words, rename and describe it, merge it into another, split some demands off, and its history.</summary>
[Authorize(Policy = Policies.DemandStudy)]
public sealed class TypeModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    public const int ShowDemands = 200;

    public override string StudyPage => "Types";

    /// <summary>Only demands whose words contain this (any case), to find the ones to split off in a large type.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Words { get; set; }

    /// <summary>How many demands match <see cref="Words"/> (all of the type's when empty).</summary>
    public int Matching { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public DemandNature? Nature { get; set; }

    [BindProperty]
    public int? IntoTypeId { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public DemandNature? NewNature { get; set; }

    [BindProperty]
    public List<Guid> DemandIds { get; set; } = [];

    public DemandType Type { get; private set; } = null!;
    public DemandType? MergedInto { get; private set; }
    public IReadOnlyList<Data.Entities.Demand> Demands { get; private set; } = [];
    public int DemandCount { get; private set; }
    public IReadOnlyList<DemandTypeChange> History { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int typeId)
    {
        if (!await LoadStudyAsync(id) || !await LoadTypeAsync(typeId))
        {
            return NotFound();
        }
        Name = Type.Name;
        Description = Type.Description;
        Nature = Type.Nature;
        NewNature = Type.Nature;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, int typeId)
        => await ActAsync(id, typeId, async () =>
        {
            var t = await Studies.RenameTypeAsync(Study, typeId, Name, Description, Nature);
            TempData["Done"] = Text.Format(DemandStudyText.SavedType, t.Name);
            return Redirect($"/Demand/Type/{id}/{typeId}");
        }, new Dictionary<string, string> { ["TypeId"] = nameof(Name) });

    public async Task<IActionResult> OnPostMergeAsync(int id, int typeId)
        => await ActAsync(id, typeId, async () =>
        {
            var moved = await Studies.MergeTypesAsync(Study, typeId, IntoTypeId);
            TempData["Done"] = Text.Count(moved, DemandStudyText.MergedOne, DemandStudyText.MergedMany);
            return Redirect($"/Demand/Type/{id}/{IntoTypeId}");
        }, new Dictionary<string, string> { ["TypeId"] = nameof(IntoTypeId) });

    public async Task<IActionResult> OnPostSplitAsync(int id, int typeId)
        => await ActAsync(id, typeId, async () =>
        {
            var created = await Studies.SplitTypeAsync(Study, typeId, NewName, NewNature, DemandIds);
            TempData["Done"] = Text.Format(DemandIds.Count == 1 ? DemandStudyText.SplitOne : DemandStudyText.SplitMany, Gov.Number(DemandIds.Count), created.Name);
            return Redirect($"/Demand/Type/{id}/{created.Id}");
        }, new Dictionary<string, string> { ["TypeId"] = nameof(NewName) });

    private async Task<IActionResult> ActAsync(int id, int typeId, Func<Task<IActionResult>> act, Dictionary<string, string> rename)
    {
        if (!await LoadStudyAsync(id) || !await LoadTypeAsync(typeId))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            try
            {
                return await act();
            }
            catch (DemandInputException ex)
            {
                AddErrors(ex, "", rename);
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadTypeAsync(int typeId)
    {
        var t = await Db.DemandTypes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == typeId && x.StudyId == Study.Id);
        if (t is null)
        {
            return false;
        }
        Type = t;
        return true;
    }

    private async Task LoadAsync()
    {
        MergedInto = Type.MergedIntoId is int m ? await Db.DemandTypes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == m) : null;
        var q = Db.Demands.AsNoTracking().Where(d => d.LocalityId == Study.LocalityId && d.StudyId == Study.Id && d.TypeId == Type.Id);
        DemandCount = await q.CountAsync();
        if (!string.IsNullOrWhiteSpace(Words))
        {
            var words = Words.Trim().ToLowerInvariant();
            q = q.Where(d => d.Verbatim.ToLower().Contains(words));
        }
        Matching = string.IsNullOrWhiteSpace(Words) ? DemandCount : await q.CountAsync();
        Demands = await q.OrderByDescending(d => d.ReceivedAt).Take(ShowDemands).ToListAsync();
        History = await Studies.TypeHistoryAsync(Type.Id);
        Others = (await Studies.CurrentTypes(Study.Id).Where(t => t.Id != Type.Id).ToListAsync())
            .Select(t => (t.Id.ToString(CultureInfo.InvariantCulture), t.Name)).ToList();
        await AuditTrail.ReadAsync(Db, AuditEventType.DemandRead, nameof(DemandType), Type.Id.ToString(CultureInfo.InvariantCulture), Study.LocalityId, $"Type \"{Type.Name}\": {Plural.Of(Demands.Count, "demand")} shown");
    }
}
