using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>Every demand of a study, newest first, filtered by type or value/failure, each with a link to correct it. Reads are audited.</summary>
[Authorize(Policy = Policies.DemandStudy)]
public sealed class DemandsModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    public const int PageSize = 50;

    public override string StudyPage => "Demands";

    [BindProperty(SupportsGet = true, Name = "type")]
    public int? TypeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "nature")]
    public DemandNature? NatureFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Data.Entities.Demand> Rows { get; private set; } = [];
    public IReadOnlyDictionary<int, string> TypeNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<int, string> DoorNames { get; private set; } = new Dictionary<int, string>();
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        var q = Db.Demands.AsNoTracking().Where(d => d.LocalityId == Study.LocalityId && d.StudyId == Study.Id);
        if (TypeFilter is int t)
        {
            q = t == 0 ? q.Where(d => d.TypeId == null) : q.Where(d => d.TypeId == t);
        }
        if (NatureFilter is DemandNature n)
        {
            q = q.Where(d => d.Nature == n);
        }
        Total = await q.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await q.OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.CapturedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        TypeNames = await Db.DemandTypes.Where(x => x.StudyId == Study.Id).ToDictionaryAsync(x => x.Id, x => x.Name);
        DoorNames = Study.FrontDoors.Where(f => f.FrontDoor is not null).ToDictionary(f => f.FrontDoorId, f => f.FrontDoor!.Name);
        await AuditTrail.ReadAsync(Db, AuditEventType.DemandRead, nameof(Data.Entities.Demand), null, Study.LocalityId, $"Demands of study {Study.Id} listed: page {PageNumber}, {Rows.Count} shown");
        return Page();
    }

    public string Link(int page) => $"/Demand/Demands/{Study.Id}?p={page}{(TypeFilter is int t ? "&type=" + t : "")}{(NatureFilter is DemandNature n ? "&nature=" + n : "")}";
}
