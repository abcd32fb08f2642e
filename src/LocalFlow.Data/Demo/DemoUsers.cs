using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Demo;

/// <summary>One demo sign-in per role, all with the documented demo password (see README).</summary>
internal sealed class DemoUsers : IDemoPart
{
    public const string Password = "northfield-demo";

    public int Order => 90;
    public string Name => "Demo sign-ins";

    internal static readonly (string UserName, string DisplayName, Roles Roles, string Agency, string? Team)[] Users =
    [
        ("admin", "Alex Admin (administrator)", Roles.Administrator, "Council", null),
        ("study", "Sam Study (study team)", Roles.StudyTeam, "Council", "Adult social care duty team"),
        ("worker", "Wendy Worker (locality worker)", Roles.LocalityWorker, "Council", "Adult social care long-term team"),
        ("analyst", "Ann Analyst (analyst)", Roles.Analyst, "Council", null),
        ("commissioner", "Colin Commissioner (commissioner)", Roles.Commissioner, "Council", null),
        ("dataofficer", "Dee Data (data officer)", Roles.DataOfficer, "Council", null),
        ("citizen", "Chris Citizen (citizen member)", Roles.Citizen, "Council", null),
        ("steering", "Stella Steering (steering group)", Roles.Steering, "Council", null),
    ];

    public Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        if (!context.Options.Users)
        {
            return Task.CompletedTask;
        }
        var db = context.Db;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var (userName, displayName, roles, agencyShort, teamName) in Users)
        {
            if (db.Users.Any(u => u.UserName == userName))
            {
                continue;
            }
            var agency = db.Agencies.Single(a => a.ShortName == agencyShort);
            var user = new User { UserName = userName, DisplayName = displayName, Roles = roles, CreatedAt = now };
            Accounts.SetPassword(user, Password);
            user.Localities.Add(new UserLocality { LocalityId = context.Locality.Id });
            user.Agencies.Add(new UserAgency { AgencyId = agency.Id });
            if (teamName is not null)
            {
                var team = db.Teams.Single(t => t.AgencyId == agency.Id && t.Name == teamName);
                user.Teams.Add(new UserTeam { TeamId = team.Id });
            }
            db.Users.Add(user);
        }
        db.ChangeTracker.DetectChanges();
        db.SaveChanges();
        return Task.CompletedTask;
    }
}
