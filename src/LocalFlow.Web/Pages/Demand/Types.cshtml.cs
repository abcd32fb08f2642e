using LocalFlow.Data;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>The types that have emerged, with how many demands each and example verbatims; create a new one.</summary>
[Authorize(Policy = Policies.DemandStudy)]
public sealed class TypesModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    public sealed class TypeInput
    {
        public string? Name { get; set; }
        public DemandNature? Nature { get; set; }
        public string? Description { get; set; }
    }

    public sealed record Row(DemandType Type, int Value, int Failure, IReadOnlyList<SaidWords> Examples);

    public override string StudyPage => "Types";

    [BindProperty]
    public TypeInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Untyped { get; private set; }
    public int Merged { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            try
            {
                var type = await Studies.CreateTypeAsync(Study, Input.Name, Input.Nature, Input.Description);
                TempData["Done"] = Text.Format(DemandStudyText.TypeCreated, type.Name);
                return Redirect($"/Demand/Types/{id}");
            }
            catch (DemandInputException ex)
            {
                AddErrors(ex, "Input.");
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var types = await Studies.CurrentTypes(Study.Id).ToListAsync();
        var counts = await Db.Demands.Where(d => d.LocalityId == Study.LocalityId && d.StudyId == Study.Id)
            .GroupBy(d => new { d.TypeId, d.Nature }).Select(g => new { g.Key.TypeId, g.Key.Nature, Count = g.Count() }).ToListAsync();
        // Three recent verbatims per type: enough to see what the type means in people's words.
        var examples = (await Db.Demands.AsNoTracking().Where(d => d.LocalityId == Study.LocalityId && d.StudyId == Study.Id && d.TypeId != null)
                .OrderByDescending(d => d.ReceivedAt).Select(d => new { d.TypeId, d.Verbatim, d.Language }).Take(5000).ToListAsync())
            .GroupBy(d => d.TypeId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<SaidWords>)g.Take(3).Select(x => new SaidWords(x.Verbatim, x.Language)).ToList());
        Rows = types.Select(t => new Row(t,
                counts.Where(c => c.TypeId == t.Id && c.Nature == DemandNature.Value).Sum(c => c.Count),
                counts.Where(c => c.TypeId == t.Id && c.Nature == DemandNature.Failure).Sum(c => c.Count),
                examples.GetValueOrDefault(t.Id) ?? []))
            .OrderByDescending(r => r.Value + r.Failure).ThenBy(r => r.Type.Name).ToList();
        Untyped = counts.Where(c => c.TypeId == null).Sum(c => c.Count);
        Merged = await Db.DemandTypes.CountAsync(t => t.StudyId == Study.Id && t.MergedIntoId != null);
        await Data.Audit.AuditTrail.ReadAsync(Db, Data.Audit.AuditEventType.DemandRead, nameof(DemandType), null, Study.LocalityId, $"Types of study {Study.Id} with example verbatims");
    }
}
