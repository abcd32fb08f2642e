using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalFlow.Web.Pages.Demand;

/// <summary>What every page about one study shares: finding the study in the user's localities, and showing rule breaks as form errors.</summary>
public abstract class StudyPageModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    protected LocalFlowDb Db { get; } = db;
    protected CurrentUser Current { get; } = current;
    protected DemandStudies Studies => new(Db);

    public DemandStudy Study { get; private set; } = null!;

    /// <summary>Which page of the study this is, for the study's sub-navigation.</summary>
    public abstract string StudyPage { get; }

    protected async Task<bool> LoadStudyAsync(int id)
    {
        var study = await Studies.FindStudyAsync(id, Current.LocalityIds);
        if (study is null)
        {
            return false;
        }
        Study = study;
        return true;
    }

    /// <summary>Adds each problem to the form, under <paramref name="prefix"/> + the input's field name.</summary>
    protected void AddErrors(DemandInputException ex, string prefix, IReadOnlyDictionary<string, string>? rename = null)
    {
        foreach (var (field, message) in ex.Errors)
        {
            var key = rename is not null && rename.TryGetValue(field, out var r) ? r : prefix + field;
            ModelState.AddModelError(key, message);
        }
    }

    public bool Can(string policy) => Policies.Allows(User, policy);

    public static string Percent(double share, int decimals = 0) => (share * 100).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("en-GB")) + "%";

    /// <summary>"Value demand" or "Failure demand", in the request's language.</summary>
    public static string NatureName(DemandNature n) => n == DemandNature.Failure ? DemandText.FailureDemand : DemandText.ValueDemand;

    /// <summary>A channel's name in the request's language (<see cref="DemandAnalysis.ChannelName"/> in English).</summary>
    public static string ChannelName(Channel c) => c switch
    {
        Channel.Phone => DemandText.ChannelPhone,
        Channel.FaceToFace => DemandText.ChannelFaceToFace,
        Channel.Email => DemandText.ChannelEmail,
        Channel.WebForm => DemandText.ChannelWebForm,
        Channel.Letter => DemandText.ChannelLetter,
        Channel.Referral => DemandText.ChannelReferral,
        Channel.Emergency => DemandText.ChannelEmergency,
        Channel.HomeVisit => DemandText.ChannelHomeVisit,
        _ => DemandText.ChannelOther,
    };

    /// <summary>What happened at the point of transaction, in the request's language (<see cref="DemandAnalysis.OutcomeName"/> in English).</summary>
    public static string OutcomeName(TransactionOutcome o) => o switch
    {
        TransactionOutcome.ResolvedThere => DemandText.ResolvedThere,
        TransactionOutcome.AdviceOnly => DemandText.AdviceOnly,
        TransactionOutcome.ReferredOn => DemandText.ReferredOn,
        TransactionOutcome.ScreenedOut => DemandText.ScreenedOut,
        TransactionOutcome.Booked => DemandText.Booked,
        _ => o.ToString(),
    };

    /// <summary>The kind of study, in the request's language (<see cref="DemandAnalysis.KindName"/> in English).</summary>
    public static string KindName(StudyKind k) => k == StudyKind.PeopleCentred ? DemandStudyText.PeopleCentred : DemandStudyText.Transactional;

    /// <summary>The study's first day, and its last when it has one ("1 September 2026 to 21 September 2026").</summary>
    public static string Dates(DemandStudy s) => s.EndsOn is DateOnly e ? Text.Format(DemandStudyText.DateRange, Text.Date(s.StartsOn), Text.Date(e)) : Text.Date(s.StartsOn);

    /// <summary>The value and failure radios of the type forms.</summary>
    public static (string Value, string Text, string? Hint)[] Natures => [("Value", DemandText.ValueDemand, null), ("Failure", DemandText.FailureDemand, null)];

    /// <summary>A kind of failure demand, in the request's language (<see cref="DemandAnalysis.FailureKindName"/> in English).</summary>
    public static string FailureKindName(FailureKind k) => k switch
    {
        FailureKind.RePresenting => DemandText.FailureRePresenting,
        FailureKind.ProgressChasing => DemandText.FailureProgressChasing,
        FailureKind.NotUnderstoodRework => DemandText.FailureNotUnderstood,
        FailureKind.NotDoneRight => DemandText.FailureNotDoneRight,
        _ => DemandText.FailureOtherName,
    };
}
