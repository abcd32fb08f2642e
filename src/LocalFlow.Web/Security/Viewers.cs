using LocalFlow.Data;
using LocalFlow.Data.LocalityWork;

namespace LocalFlow.Web.Security;

/// <summary>The signed-in user as the one visibility rule (<see cref="Visibility"/>) sees them.</summary>
public static class Viewers
{
    /// <summary>
    /// The viewer for the signed-in user: <see cref="CurrentUser.Viewer"/>, read from the sign-in claims (no query).
    /// Kept for callers written before the worker was put in the claims; new code uses <see cref="CurrentUser.Viewer"/>.
    /// </summary>
    public static Task<Viewer> ViewerAsync(this CurrentUser current, LocalFlowDb db, CancellationToken ct = default)
        => Task.FromResult(current.Viewer);
}
