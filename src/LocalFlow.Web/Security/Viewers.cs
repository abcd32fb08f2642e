using LocalFlow.Data;
using LocalFlow.Data.LocalityWork;

namespace LocalFlow.Web.Security;

/// <summary>The signed-in user as the one visibility rule (<see cref="Visibility"/>) sees them.</summary>
public static class Viewers
{
    /// <summary>The viewer for the signed-in user: localities, the restricted permission and the worker they are.</summary>
    public static async Task<Viewer> ViewerAsync(this CurrentUser current, LocalFlowDb db, CancellationToken ct = default)
        => new(current.LocalityIds, current.MaySeeRestricted, await Visibility.WorkerOfUserAsync(db, current.UserId, ct));
}
