namespace LocalFlow.Data;

/// <summary>
/// A short deny-list of passwords that meet the length rule yet are among the most guessed (from public lists of leaked
/// passwords, 12 characters or longer), compared without regard to case. NCSC guidance: a length minimum and a
/// deny-list of common passwords, no composition rules (docs/trust.md). Add to it as the council's own policy needs.
/// </summary>
public static class CommonPasswords
{
    private static readonly HashSet<string> List = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678910", "123456789123", "1234567891011", "111111111111", "000000000000",
        "123123123123", "qwertyuiopas", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3",
        "password1234", "password12345", "password123!", "passwordpassword", "password1!23", "p@ssw0rd1234", "passw0rd1234",
        "iloveyou1234", "letmein12345", "welcome12345", "welcome123456", "changeme1234", "administrator", "admin1234567",
        "abcdefghijkl", "abcdefghijklm", "abcd12345678", "aaaaaaaaaaaa", "football1234", "baseball1234", "sunshine1234",
        "princess1234", "monkey123456", "dragon123456", "trustno11234", "starwars1234", "whatever1234", "qwertyqwerty",
        "asdfghjkl123", "asdfasdfasdf", "liverpool123", "liverpool1234", "chelsea12345", "arsenal12345", "manchester123",
        "summer2024!!", "winter2024!!", "autumn2024!!", "spring2024!!", "password2024", "password2025", "password2026",
        "northfield1234", "localflow123", "localflow1234", "council12345", "council123456",
    };

    /// <summary>Whether <paramref name="password"/> is on the deny-list.</summary>
    public static bool Contains(string password) => List.Contains(password.Trim());
}
