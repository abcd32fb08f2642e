namespace LocalFlow.Web.Pages.Admin;

/// <summary>The words of the security page and of held grants (docs/trust.md, "Four eyes on access to people").</summary>
public static class SecurityText
{
    public const string GrantHeld = "Access to people's records or to restricted records waits for a second administrator's approval on the Security page.";
    public const string Approved = "Grant approved. The user has the access from their next sign-in.";
    public const string Refused = "Grant refused. The user does not have the access.";
    public const string OwnGrant = "You cannot approve or refuse a grant you asked for, or one for yourself. Another administrator must.";
    public const string AlreadyDecided = "This grant has already been approved or refused.";
}
