using System.Security.Cryptography;
using LocalFlow.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace LocalFlow.Data;

/// <summary>Local accounts: password hashing with ASP.NET Core's PasswordHasher and one-time passwords.</summary>
public static class Accounts
{
    private static readonly PasswordHasher<User> Hasher = new();

    public const int MinimumPasswordLength = 12;

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
        return null;
    }
}
