using System.Globalization;
using LocalFlow.Data;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
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

    public static string NatureName(DemandNature n) => n == DemandNature.Failure ? "Failure demand" : "Value demand";
}
