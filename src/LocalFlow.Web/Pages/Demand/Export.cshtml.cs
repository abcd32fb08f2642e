using System.Text;
using LocalFlow.Analytics;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Demands;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>Every demand of a study as CSV (UTF-8 with a byte order mark so spreadsheets read emoji and other scripts). Audited.</summary>
[Authorize(Policy = Policies.DemandStudy)]
public sealed class ExportModel(LocalFlowDb db, CurrentUser current) : StudyPageModel(db, current)
{
    public override string StudyPage => "Import";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadStudyAsync(id))
        {
            return NotFound();
        }
        var sw = new StringWriter();
        var n = await DemandCsv.ExportAsync(Db, Study, sw);
        AuditTrail.Add(Db, AuditEventType.DemandExported, AuditOperation.Read, nameof(Data.Entities.DemandStudy), Study.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Study.LocalityId, $"{Plural.Of(n, "demand")} exported as CSV");
        await Db.SaveChangesAsync();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sw.ToString())).ToArray();
        var name = $"demands-study-{Study.Id}-{Db.Clock.GetUtcNow():yyyyMMdd}.csv";
        return File(bytes, "text/csv; charset=utf-8", name);
    }
}
