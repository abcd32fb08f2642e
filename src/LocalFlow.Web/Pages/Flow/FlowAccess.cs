using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Infrastructure;
using LocalFlow.Web.Security;

namespace LocalFlow.Web.Pages.Flow;

/// <summary>
/// Who the flow pages may show, through the one rule (<see cref="Visibility"/>). A restricted person (or one in a
/// restricted household) stays hidden from the flow study altogether unless the user is explicitly allowed to see
/// restricted records or named on them: their records say where they were and who they saw.
/// </summary>
public static class FlowAccess
{
    /// <summary>The person if they are in one of the user's localities and may be shown; otherwise null (the caller answers 404).</summary>
    public static async Task<Person?> PersonAsync(LocalFlowDb db, CurrentUser current, Guid id, CancellationToken ct = default)
        => await PersonInView.SeenInFullAsync(db, current.Viewer, id, ct);

    /// <summary>
    /// The people of a locality the user may not see in the flow study (restricted, or in a restricted household):
    /// empty when the user may see restricted records. Pages that list people leave these out and count them.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> HiddenPeopleAsync(LocalFlowDb db, CurrentUser current, int localityId, CancellationToken ct = default)
        => await Visibility.HiddenPeopleAsync(db, current.Viewer, localityId, ct);

    /// <summary>
    /// <see cref="HiddenPeopleAsync(LocalFlowDb, CurrentUser, int, CancellationToken)"/> kept per worker under the
    /// locality's flow data version (<see cref="LocalFlow.Data.Flow.FlowEngines.HiddenPeopleAsync"/>), for pages that
    /// keep figures but need not wait for the engine (the locality picture, the measures report, Economics).
    /// </summary>
    public static Task<IReadOnlySet<Guid>> HiddenPeopleAsync(LocalFlowDb db, CurrentUser current, LocalFlow.Data.Flow.FlowEngines engines, int localityId, CancellationToken ct = default)
        => engines.HiddenPeopleAsync(db, current.Viewer, localityId, ct);

    /// <summary>
    /// <see cref="HiddenPeopleAsync(LocalFlowDb, CurrentUser, int, CancellationToken)"/> for the people of a locality's
    /// engine, read once per worker and kept with the engine: restricting a person or household, or naming a worker on
    /// them, changes the locality's flow data
    /// version (<see cref="LocalFlow.Data.Flow.FlowDataVersion"/>), so the next view has a new engine and reads them again.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> HiddenPeopleAsync(LocalFlowDb db, CurrentUser current, LocalFlow.Data.Flow.FlowEngine flow, CancellationToken ct = default)
    {
        if (current.MaySeeRestricted)
        {
            return new HashSet<Guid>();
        }
        // Named workers see the restricted people they are named on, so what is hidden depends on who is looking.
        var viewer = current.Viewer;
        var key = "Flow/hidden-people/" + (viewer.WorkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        if (flow.TryKept<IReadOnlySet<Guid>>(key, out var kept))
        {
            return kept;
        }
        return flow.Keep(key, await Visibility.HiddenPeopleAsync(db, viewer, flow.LocalityId, ct));
    }

    /// <summary>A failure-demand signal's name in plain English, as docs/flow-study.md names it: the one name every page, chart and list uses.</summary>
    public static string SignalName(LocalFlow.Analytics.Flow.FlowSignalKind kind) => kind switch
    {
        LocalFlow.Analytics.Flow.FlowSignalKind.RePresentation => "Re-presentation",
        LocalFlow.Analytics.Flow.FlowSignalKind.RepeatedAssessment => "Repeated assessment",
        LocalFlow.Analytics.Flow.FlowSignalKind.AssessRefer => "Assess–refer",
        LocalFlow.Analytics.Flow.FlowSignalKind.ReferralPingPong => "Referral ping-pong",
        LocalFlow.Analytics.Flow.FlowSignalKind.ScreenedOutReturnedWorse => "Screened out, then back worse",
        LocalFlow.Analytics.Flow.FlowSignalKind.ProgressChasing => "Progress chasing",
        LocalFlow.Analytics.Flow.FlowSignalKind.LongWorkerChain => "Long chain of workers",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The fewest people a cohort's figures are shown for to someone who may not see people (analysts,
    /// commissioners): a narrower cohort could pick out one person's history, so its figures are withheld.
    /// </summary>
    public const int SmallestCohortShown = LocalFlow.Analytics.Disclosure.Smallest;

    /// <summary>Whether a cohort of <paramref name="people"/> is withheld from this user (<see cref="LocalFlow.Analytics.Disclosure.Withholds"/>).</summary>
    public static bool WithholdsCohort(System.Security.Claims.ClaimsPrincipal user, int people)
        => LocalFlow.Analytics.Disclosure.Withholds(people) && RoundsFigures(user);

    /// <summary>
    /// Whether this user sees figures about people only through the small-number rule (<see cref="LocalFlow.Analytics.Disclosure"/>):
    /// everyone who may not see the people themselves. The study team sees exact figures.
    /// </summary>
    public static bool RoundsFigures(System.Security.Claims.ClaimsPrincipal user) => !Policies.Allows(user, Policies.FlowStudy);

    public static bool IsRestricted(Person person) => Visibility.IsRestricted(person);

    /// <summary>The London date of an instant, as people read it.</summary>
    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(Gov.ToLondon(utc));

    /// <summary>"Assessment: Falls risk assessment", "Referral", "Medically fit"...</summary>
    public static string KindName(LocalFlow.Analytics.Flow.ActivityKind kind) => kind switch
    {
        LocalFlow.Analytics.Flow.ActivityKind.ServiceProvided => "Service provided",
        LocalFlow.Analytics.Flow.ActivityKind.MedicallyFit => "Medically fit",
        LocalFlow.Analytics.Flow.ActivityKind.BedDay => "Bed day",
        LocalFlow.Analytics.Flow.ActivityKind.HomeVisit => "Home visit",
        LocalFlow.Analytics.Flow.ActivityKind.EmergencyResponse => "Emergency response",
        _ => kind.ToString(),
    };

    public static string Describe(ActivityRecord r) => Describe(r.Kind, r.Subtype);

    /// <summary>"Assessment: Falls risk assessment", or the kind alone when there is no subtype.</summary>
    public static string Describe(LocalFlow.Analytics.Flow.ActivityKind kind, string? subtype) => subtype is null ? KindName(kind) : $"{KindName(kind)}: {subtype}";

    /// <summary>The story's name as the seeds tell it.</summary>
    public static string StoryName(string key) => key == "ChildA" ? "Child A" : key;
}
