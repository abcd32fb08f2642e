using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The sign-ins pages: accounts, their roles, localities, agencies and teams, and one-time passwords. In UsersText.resx (English) and UsersText.cy.resx (Welsh).</summary>
public static class UsersText
{
    private static readonly ResourceManager Resources = new(typeof(UsersText));

    public static string AccountCreated => Get();

    public static string OneTimeFor => Get();

    public static string GiveInPerson => Get();

    public static string AccountsCaption => Get();

    public static string UserName => Get();

    public static string Name => Get();

    public static string Roles => Get();

    public static string Status => Get();

    public static string Disabled => Get();

    public static string WaitingForRole => Get();

    public static string OneTimePassword => Get();

    public static string Active => Get();

    public static string AddSignIn => Get();

    public static string UserNameHint => Get();

    public static string FullName => Get();

    public static string RolesHint => Get();

    public static string AddSignInButton => Get();

    public static string RoleAdministrator => Get();

    public static string RoleStudyTeam => Get();

    public static string RoleLocalityWorker => Get();

    public static string RoleAnalyst => Get();

    public static string RoleCommissioner => Get();

    public static string RoleDataOfficer => Get();

    public static string RoleCitizen => Get();

    public static string RoleSteering => Get();

    public static string EnterUserName => Get();

    public static string UserNameShape => Get();

    public static string UserNameTaken => Get();

    public static string EnterFullName => Get();

    public static string ChooseRole => Get();

    public static string BackToSignIns => Get();

    public static string LocalitiesTheySee => Get();

    public static string AgenciesTheyBelong => Get();

    public static string TeamsTheyBelong => Get();

    public static string SpecialPermissions => Get();

    public static string MaySeeRestricted => Get();

    public static string AccountDisabled => Get();

    public static string SaveChanges => Get();

    public static string Password => Get();

    public static string ResetWhy => Get();

    public static string ResetPassword => Get();

    public static string NewOneTime => Get();

    public static string NotShownAgain => Get();

    public static string NotYourself => Get();

    public static string SavedSessionEnds => Get();

    public static string Saved => Get();

    /// <summary>A role's name in the request's language; <see cref="Pages.Admin.UsersModel.RoleNames"/> keeps the English for the audit trail.</summary>
    public static string RoleName(LocalFlow.Data.Entities.Roles role) => role switch
    {
        LocalFlow.Data.Entities.Roles.Administrator => RoleAdministrator,
        LocalFlow.Data.Entities.Roles.StudyTeam => RoleStudyTeam,
        LocalFlow.Data.Entities.Roles.LocalityWorker => RoleLocalityWorker,
        LocalFlow.Data.Entities.Roles.Analyst => RoleAnalyst,
        LocalFlow.Data.Entities.Roles.Commissioner => RoleCommissioner,
        LocalFlow.Data.Entities.Roles.DataOfficer => RoleDataOfficer,
        LocalFlow.Data.Entities.Roles.Citizen => RoleCitizen,
        LocalFlow.Data.Entities.Roles.Steering => RoleSteering,
        _ => role.ToString(),
    };

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
