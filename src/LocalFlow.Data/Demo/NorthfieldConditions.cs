using LocalFlow.Analytics.Flow;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>
/// The system conditions the Locality report found in every study, as Northfield's study team would record them,
/// each linked to evidence found by querying the demo's own data: the finished demand study's failure types, the
/// kinds of failure-demand signal the flow engine finds in the stored records, and the seeds' case histories.
/// No figure is stated here: every condition's reach is computed from its evidence by the engine.
/// </summary>
internal sealed class NorthfieldConditions : IDemoPart
{
    public int Order => 70;
    public string Name => "System conditions";

    private const string Study = "Adult social care contact team";

    private sealed record Link(EvidenceKind Kind, string Note, string? DemandType = null, FlowSignalKind? Signal = null, string? Agency = null, string? Story = null, ActivityServed? ServedIn = null);

    private sealed record Found(ConditionCategory Category, string Title, string Finding, Link[] Evidence);

    private static readonly Found[] Conditions =
    [
        new(ConditionCategory.ThresholdsAndCriteria, "Turned away until they are worse",
            "Every service asks 'is this for us?' and 'does it meet our criteria?'. People below the threshold are screened out, come back through another door, and are assessed again from scratch until they are in crisis.",
            [
                new(EvidenceKind.FlowSignal, "People screened out who came back within two years with greater need.", Signal: FlowSignalKind.ScreenedOutReturnedWorse),
                new(EvidenceKind.FlowSignal, "The same assessment done again within a year, by any agency: each door reassesses as if new.", Signal: FlowSignalKind.RepeatedAssessment),
                new(EvidenceKind.DemandType, "People ringing back after another fall: nothing changed after the last contact.", DemandType: "Fallen again, nothing changed"),
            ]),
        new(ConditionCategory.ActivityMeasuresAndTargets, "The assessment is the service",
            "Assessments are completed to meet time targets and then the person is referred on or closed: the assessment itself becomes the response.",
            [
                new(EvidenceKind.FlowSignal, "Assessed, then only referred on or closed, with nothing done in between.", Signal: FlowSignalKind.AssessRefer),
                new(EvidenceKind.FlowSignal, "The council's part: assessments by adult social care that led only to a referral or a closure.", Signal: FlowSignalKind.AssessRefer, Agency: "Council"),
            ]),
        new(ConditionCategory.BudgetManagement, "Waiting is how demand is managed",
            "Queues for assessments, equipment and carers' assessments ration what is spent; people ring to chase, and the chasing is handled as new work.",
            [
                new(EvidenceKind.DemandType, "Progress chasing heard at the front door.", DemandType: "Chasing an assessment"),
                new(EvidenceKind.DemandType, "Progress chasing heard at the front door.", DemandType: "Equipment promised but not arrived"),
                new(EvidenceKind.DemandType, "Progress chasing heard at the front door.", DemandType: "Call back that never came"),
                new(EvidenceKind.DemandType, "Progress chasing heard at the front door.", DemandType: "Carer's assessment not followed up"),
                new(EvidenceKind.FlowSignal, "Contacts with an agency while its referral waits, found in the records.", Signal: FlowSignalKind.ProgressChasing),
            ]),
        new(ConditionCategory.Specialisation, "Passed between specialist services",
            "Each service does one thing, so people are referred from door to door and sometimes back again; nobody holds the whole of the person's life.",
            [
                new(EvidenceKind.DemandType, "Told to ring someone else, who sent them back.", DemandType: "Passed back and forth between services"),
                new(EvidenceKind.FlowSignal, "Referred from one agency to another and back again within six months.", Signal: FlowSignalKind.ReferralPingPong),
                new(EvidenceKind.CaseHistory, "Paul: in ten months, 179 records by 91 staff from 20 teams.", Story: "Paul"),
            ]),
        new(ConditionCategory.LackOfContinuity, "Nobody knows the person",
            "An episodic approach: every contact starts again with a new worker, the story is told again, and knowledge of what matters to the person is lost.",
            [
                new(EvidenceKind.CaseHistory, "Ruth: 129 interactions with 36 teams over sixteen years; what she wanted cost a fifth of what was spent.", Story: "Ruth"),
                new(EvidenceKind.CaseHistory, "Melvyn: 74 assessments, two thirds of them repeats; 72 of 162 days in hospital after being medically fit.", Story: "Melvyn"),
                new(EvidenceKind.FlowSignal, "Runs of six or more different workers in a row, none seen twice.", Signal: FlowSignalKind.LongWorkerChain),
                new(EvidenceKind.DemandType, "Forms sent back, the story told again.", DemandType: "Asked for the same information again"),
            ]),
        new(ConditionCategory.RiskManagement, "Forms that protect the organisation",
            "Risk assessments and compliance forms are completed at every contact, and trigger referrals, but nothing changes for the person.",
            [
                new(EvidenceKind.ActivityRecord, "A record in Ruth's history that served compliance rather than helping her.", Story: "Ruth", ServedIn: ActivityServed.Compliance),
                new(EvidenceKind.CaseHistory, "Child A: a family known to every agency for years, four NFAs in one year, six home visits in all.", Story: "ChildA"),
            ]),
        new(ConditionCategory.StandardisationAndCommissioning, "Commissioned packages, not what people need",
            "Home care is bought by the visit and the minute from specifications: visits are missed, late or rushed, and people go home from hospital to nothing.",
            [
                new(EvidenceKind.DemandType, "Carers late, rushed or missing.", DemandType: "Carers late or did not come"),
                new(EvidenceKind.DemandType, "Discharged without the support that was arranged.", DemandType: "Sent home from hospital with nothing in place"),
            ]),
    ];

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var random = context.RandomFor(Name);
        var localityId = context.Locality.Id;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        var study = await db.DemandStudies.AsNoTracking().Where(s => s.LocalityId == localityId && s.Service == Study).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        var types = study is int sid
            ? await db.DemandTypes.AsNoTracking().Where(t => t.StudyId == sid && t.MergedIntoId == null).ToDictionaryAsync(t => t.Name, t => t.Id, ct)
            : [];
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.ShortName, a => a.Id, ct);
        var stories = (await FlowQueries.CaseHistoriesAsync(db, ct)).ToDictionary(s => s.Story, s => s.PersonId);
        var recorded = context.Today.AddDays(-14).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var conditions = 0;
        var pieces = 0;
        foreach (var found in Conditions)
        {
            var evidence = new List<ConditionEvidence>();
            foreach (var link in found.Evidence)
            {
                var e = new ConditionEvidence
                {
                    Id = DemoContext.NextId(random),
                    LocalityId = localityId,
                    Kind = link.Kind,
                    Note = link.Note,
                    AddedBy = "study",
                    AddedUtc = recorded,
                };
                switch (link.Kind)
                {
                    case EvidenceKind.DemandType when link.DemandType is not null && types.TryGetValue(link.DemandType, out var typeId):
                        e.DemandTypeId = typeId;
                        break;
                    case EvidenceKind.FlowSignal:
                        e.SignalKind = link.Signal;
                        e.AgencyId = link.Agency is null ? null : agencies.GetValueOrDefault(link.Agency);
                        if (link.Agency is not null && e.AgencyId is null)
                        {
                            continue;
                        }
                        break;
                    case EvidenceKind.CaseHistory when link.Story is not null && stories.TryGetValue(link.Story, out var person):
                        e.PersonId = person;
                        break;
                    case EvidenceKind.ActivityRecord when link.Story is not null && stories.TryGetValue(link.Story, out var owner):
                        var record = await db.ActivityRecords.AsNoTracking()
                            .Where(r => r.LocalityId == localityId && r.PersonId == owner && r.HelpedReason == link.ServedIn)
                            .OrderBy(r => r.StartUtc).ThenBy(r => r.SourceRecordId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
                        if (record is null)
                        {
                            continue;
                        }
                        e.RecordId = record;
                        break;
                    default:
                        // What this evidence points at is not in a demo this small: leave it out rather than invent it.
                        continue;
                }
                evidence.Add(e);
            }
            if (evidence.Count == 0)
            {
                continue;
            }
            var condition = new SystemCondition
            {
                Id = DemoContext.NextId(random),
                LocalityId = localityId,
                Category = found.Category,
                Title = found.Title,
                Finding = found.Finding,
                RecordedBy = "study",
                RecordedUtc = recorded,
            };
            db.SystemConditions.Add(condition);
            foreach (var e in evidence)
            {
                e.ConditionId = condition.Id;
                db.ConditionEvidence.Add(e);
            }
            conditions++;
            pieces += evidence.Count;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        progress.Report(new DemoProgress(Name, $"{conditions} system conditions with {pieces} pieces of evidence", 1));
    }
}
