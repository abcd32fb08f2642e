using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Tests;

/// <summary>Passwords and lockout after NCSC guidance (issue 14, item 6).</summary>
public class AccountsTests
{
    [Theory]
    [InlineData("", "Enter a new password")]
    [InlineData("short one", "12 characters or more")]
    [InlineData("Password1234", "most common")]
    [InlineData("qwertyuiop123", "most common")]
    public void AWeakPassword_IsRefused_WithAReason(string password, string reason)
        => Accounts.CheckNewPassword(password).ShouldNotBeNull().ShouldContain(reason);

    [Theory]
    [InlineData("river lamp october")]
    [InlineData("alllowercaseletters")]
    public void ALongUncommonPassword_IsAccepted_WithoutCompositionRules(string password)
        => Accounts.CheckNewPassword(password).ShouldBeNull();

    [Fact]
    public void TheTenthWrongPassword_LocksTheAccount_ForLongerEachTime_UpToAnHour()
    {
        var now = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        var user = new User { UserName = "u", DisplayName = "U" };
        for (var i = 0; i < 9; i++)
        {
            Accounts.RecordFailure(user, now);
        }
        Accounts.LockedFor(user, now).ShouldBeNull();
        Accounts.RecordFailure(user, now);
        Accounts.LockedFor(user, now).ShouldBe(TimeSpan.FromMinutes(1));
        Accounts.RecordFailure(user, now);
        Accounts.LockedFor(user, now).ShouldBe(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 20; i++)
        {
            Accounts.RecordFailure(user, now);
        }
        Accounts.LockedFor(user, now).ShouldBe(Accounts.LongestLockout);
        Accounts.LockedFor(user, now + Accounts.LongestLockout).ShouldBeNull();
        Accounts.ClearFailures(user);
        user.FailedSignIns.ShouldBe(0);
        Accounts.LockedFor(user, now).ShouldBeNull();
    }
}
