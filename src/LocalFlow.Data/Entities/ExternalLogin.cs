namespace LocalFlow.Data.Entities;

/// <summary>
/// A user's sign-in at the organisation's identity provider (OpenID Connect): the provider's issuer and its subject
/// for the person, which together never change and are never reused. A user is matched by these two, never by an
/// email address or a name alone (docs/security.md).
/// </summary>
public sealed class ExternalLogin
{
    /// <summary>The identity provider's issuer, exactly as its tokens give it (`iss`).</summary>
    public required string Issuer { get; set; }
    /// <summary>The provider's identifier for the person (`sub`).</summary>
    public required string Subject { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedUtc { get; set; }
}
