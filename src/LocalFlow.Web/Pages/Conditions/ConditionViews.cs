using System.Security.Claims;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Conditions;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Pages.Flow;
using LocalFlow.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Conditions;

/// <summary>One piece of evidence as a reader may see it: what it is in words, where it links (if anywhere), and its reach.</summary>
/// <param name="Id">The evidence's id.</param>
/// <param name="Kind">What kind of evidence it is.</param>
/// <param name="What">What it points at, in words; people are named only to readers who may see them.</param>
/// <param name="Href">A page about it, when the reader may open one.</param>
/// <param name="Note">The study team's note.</param>
/// <param name="Reach">What it reaches on its own.</param>
/// <param name="NamesAPerson">True when <paramref name="What"/> names a person (the view is audited).</param>
public sealed record EvidenceView(Guid Id, EvidenceKind Kind, string What, string? Href, string Note, Reach Reach, bool NamesAPerson);

/// <summary>Describes conditions and their evidence for the pages and the API, with the reader's permissions applied.</summary>
public static class ConditionViews
{
    public static string KindName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.DemandType => "Failure demand type",
        EvidenceKind.FlowSignal => "Failure-demand signal in the records",
        EvidenceKind.ActivityRecord => "Activity record",
        EvidenceKind.CaseHistory => "Case history",
        _ => kind.ToString(),
    };

    /// <summary>"23 failure demands (4% of the study's demand)", or "none" when there are none.</summary>
    public static string Demands(Reach r) => r.Demands == 0 && r.StudyDemands == 0 ? "—"
        : $"{Gov.Number(r.Demands)}" + (r.DemandShare is double s ? $" ({Gov.Number(s * 100, s < 0.1 ? 1 : 0)}%)" : "");

    /// <summary>Describes each piece of evidence for this reader.</summary>
    public static async Task<IReadOnlyList<EvidenceView>> DescribeAsync(LocalFlowDb db, ClaimsPrincipal user, CurrentUser current, int localityId, IReadOnlyList<EvidenceReach> evidence, CancellationToken ct = default)
    {
        var maySeePeople = Policies.Allows(user, Policies.FlowStudy);
        var mayStudy = Policies.Allows(user, Policies.DemandStudy);
        var mayAnalyse = Policies.Allows(user, Policies.DemandAnalyse);
        var typeIds = evidence.Select(e => e.Evidence.DemandTypeId).OfType<int>().Distinct().ToList();
        var types = await db.DemandTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id))
            .Join(db.DemandStudies, t => t.StudyId, s => s.Id, (t, s) => new { t.Id, t.Name, t.StudyId, s.Service })
            .ToDictionaryAsync(t => t.Id, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        var recordIds = evidence.Select(e => e.Evidence.RecordId).OfType<Guid>().Distinct().ToList();
        var records = await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId && recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        // A record another agency does not share with this reader's (no agreement in force) is described without its content.
        var shared = (await db.ActivityRecords.AsNoTracking().Where(r => r.LocalityId == localityId && recordIds.Contains(r.Id)).SharedWith(db, current.Viewer).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var personIds = evidence.Select(e => e.Evidence.PersonId).OfType<Guid>().Concat(records.Values.Select(r => r.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => p.LocalityId == localityId && personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        // The one visibility rule decides who may be named (restricted, unless allowed or named on them).
        var seen = (await db.People.SeenInFull(db, current.Viewer).Where(p => p.LocalityId == localityId && personIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();

        string? Named(Guid personId) => maySeePeople && seen.Contains(personId) && people.TryGetValue(personId, out var p) ? p.DisplayName : null;

        var result = new List<EvidenceView>();
        foreach (var item in evidence)
        {
            var e = item.Evidence;
            string what;
            string? href = null;
            var names = false;
            switch (e.Kind)
            {
                case EvidenceKind.DemandType when e.DemandTypeId is int tid && types.TryGetValue(tid, out var t):
                    what = $"Failure demand type “{t.Name}” in the demand study of the {t.Service}";
                    href = mayStudy ? $"/Demand/Type/{t.StudyId}/{t.Id}" : mayAnalyse ? $"/Demand/Analysis/{t.StudyId}" : null;
                    break;
                case EvidenceKind.FlowSignal when e.SignalKind is FlowSignalKind kind:
                    what = $"{FlowAccess.SignalName(kind)} signals in the flow study's records" + (e.AgencyId is int a ? $", where {agencies.GetValueOrDefault(a, "an agency")} made one of the records" : ", any agency");
                    break;
                case EvidenceKind.ActivityRecord when e.RecordId is Guid rid && records.TryGetValue(rid, out var r):
                    var owner = shared.Contains(r.Id) ? Named(r.PersonId) : null;
                    if (owner is null && maySeePeople && !shared.Contains(r.Id))
                    {
                        what = "An activity record that its agency does not share with yours";
                    }
                    else if (owner is null)
                    {
                        what = maySeePeople ? "An activity record about a person with a restricted record" : "An activity record (the study team and data officers can open it)";
                    }
                    else
                    {
                        what = $"{FlowAccess.Describe(r)} by {agencies.GetValueOrDefault(r.AgencyId, "an agency")} on {Gov.Date(FlowAccess.LocalDate(r.StartUtc))}, in {owner}'s records";
                        href = $"/Flow/Record/{r.Id}";
                        names = true;
                    }
                    break;
                case EvidenceKind.CaseHistory when e.PersonId is Guid pid && people.ContainsKey(pid):
                    var name = Named(pid);
                    if (name is null)
                    {
                        what = maySeePeople ? "The case history of a person with a restricted record" : "A person's case history (the study team and data officers can open it)";
                    }
                    else
                    {
                        what = $"{name}'s case history";
                        href = $"/Flow/Person/{pid}";
                        names = true;
                    }
                    break;
                default:
                    what = $"{KindName(e.Kind)} no longer stored (an import may have been undone)";
                    break;
            }
            result.Add(new EvidenceView(e.Id, e.Kind, what, href, e.Note, item.Reach, names));
        }
        return result;
    }
}
