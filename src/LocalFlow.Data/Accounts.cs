using System.Security.Cryptography;
using LocalFlow.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace LocalFlow.Data;

/// <summary>Local accounts: password hashing with ASP.NET Core's PasswordHasher and one-time passwords.</summary>
public static class Accounts
{
    private static readonly PasswordHasher<User> Hasher = new();

    public const int MinimumPasswordLength = 12;

    /// <summary>Wrong passwords in a row before the account is locked for a while (NCSC: about 10).</summary>
    public const int FailuresBeforeLockout = 10;

    /// <summary>The longest lockout: a user who keeps failing waits at most this long between tries.</summary>
    public static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);

    private static readonly User Nobody = new() { UserName = "", DisplayName = "" };
    private static readonly string NobodysHash = Hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The same work as checking a real password, for a user name that does not exist or an account that is locked, so
    /// that the time a refusal takes does not tell which user names exist.
    /// </summary>
    public static void VerifyNobody(string password) => Hasher.VerifyHashedPassword(Nobody, NobodysHash, password);

    /// <summary>How long the account stays locked after repeated wrong passwords; null when it is not locked.</summary>
    public static TimeSpan? LockedFor(User user, DateTime now) => user.LockedUntil is DateTime until && until > now ? until - now : null;

    /// <summary>
    /// Counts a wrong password. From the <see cref="FailuresBeforeLockout"/>th in a row the account is locked for
    /// 1 minute, then 2, 4, 8 … up to <see cref="LongestLockout"/>, so guessing gets slower and slower while the real
    /// user is only delayed (docs/trust.md).
    /// </summary>
    public static void RecordFailure(User user, DateTime now)
    {
        user.FailedSignIns++;
        if (user.FailedSignIns >= FailuresBeforeLockout)
        {
            var minutes = Math.Min(LongestLockout.TotalMinutes, Math.Pow(2, Math.Min(user.FailedSignIns - FailuresBeforeLockout, 10)));
            user.LockedUntil = now + TimeSpan.FromMinutes(minutes);
        }
    }

    /// <summary>A good sign-in (or an administrator's reset) clears the count and any lockout.</summary>
    public static void ClearFailures(User user)
    {
        user.FailedSignIns = 0;
        user.LockedUntil = null;
    }

    /// <summary>Sets a new password and ends the user's other sessions (<see cref="RenewSecurityStamp"/>).</summary>
    public static void SetPassword(User user, string password)
    {
        user.PasswordHash = Hasher.HashPassword(user, password);
        RenewSecurityStamp(user);
    }

    /// <summary>Ends every session the user has open: their next request is refused and they sign in again.</summary>
    public static void RenewSecurityStamp(User user) => user.SecurityStamp = Guid.NewGuid().ToString("N");

    /// <summary>True when the password matches; rehashes in place when the stored hash uses older settings.</summary>
    public static bool VerifyPassword(User user, string password)
    {
        if (string.IsNullOrEmpty(user.PasswordHash))
        {
            return false;
        }
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // the same password, stored with today's settings: the user's other sessions stay open
            user.PasswordHash = Hasher.HashPassword(user, password);
        }
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>A random password for first sign-in, easy to read out (no 0/O or 1/l).</summary>
    public static string NewOneTimePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}-{new string(chars, 10, 5)}-{new string(chars, 15, 5)}";
    }

    /// <summary>Why a new password is not acceptable, or null when it is.</summary>
    public static string? CheckNewPassword(string? password)
    {
        if (string.IsNullOrWhiteSpace(password))
        {
            return "Enter a new password";
        }
        if (password.Length < MinimumPasswordLength)
        {
            return $"Password must be {MinimumPasswordLength} characters or more";
        }
        if (CommonPasswords.Contains(password))
        {
            return "That password is one of the most common, so it is easy to guess: choose another, for example three random words";
        }
        return null;
    }
}
